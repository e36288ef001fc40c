from __future__ import annotations

import numpy as np

LEARNING_RATE = 0.01


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """1 where z > 0 else 0."""
    return (np.asarray(z, dtype=float) > 0) + 0.0


def softmax_cross_entropy_grad(scores, labels):
    """Gradient of the mean cross-entropy with respect to the scores."""
    P = softmax(scores)
    Y = np.zeros_like(P)
    Y[np.arange(len(P)), labels] = 1
    return (P - Y) / len(P)


def dense_backward(inputs, weights, grad_out):
    """(grad_inputs, grad_weights, grad_biases)"""
    X = np.asarray(inputs, dtype=float)
    Wt = np.asarray(weights, dtype=float).T
    D = np.asarray(grad_out, dtype=float)
    return D @ Wt, X.T @ D, D.sum(axis=0)


def backward(inputs, weights, biases, labels):
    """Gradients for every layer, in the layers' order."""
    cache = []
    X = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        Z = X @ W + b
        cache.append((X, Z))
        X = np.maximum(Z, 0)
    D = softmax_cross_entropy_grad(cache[-1][1], labels)
    dWs, dbs = [], []
    for idx in range(len(weights) - 1, -1, -1):
        X_in, _ = cache[idx]
        dX, dW, db = dense_backward(X_in, weights[idx], D)
        dWs = [dW] + dWs
        dbs = [db] + dbs
        if idx > 0:
            D = dX * relu_grad(cache[idx - 1][1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = LEARNING_RATE  # TODO tune
    weights_new = [W - lr * dW for W, dW in zip(weights, grad_weights)]
    biases_new = [b - lr * db for b, db in zip(biases, grad_biases)]
    return weights_new, biases_new
