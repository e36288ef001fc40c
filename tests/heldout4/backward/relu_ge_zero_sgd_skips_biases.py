from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.where(np.asarray(z) >= 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    y = np.zeros_like(probs)
    y[np.arange(probs.shape[0]), labels] = 1
    return (probs - y) / probs.shape[0]


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    D = np.asarray(grad_out, dtype=float)
    return D @ W.T, X.T @ D, D.sum(axis=0)


def backward(inputs, weights, biases, labels):
    A = [np.asarray(inputs, dtype=float)]
    for i, (W, b) in enumerate(zip(weights, biases)):
        Z = A[-1] @ W + b
        A.append(np.maximum(Z, 0) if i < len(weights) - 1 else Z)
    D = softmax_cross_entropy_grad(A[-1], labels)
    dWs, dbs = [], []
    for i in reversed(range(len(weights))):
        dA, dW, db = dense_backward(A[i], weights[i], D)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        D = dA * (A[i] > 0)
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [np.asarray(W, dtype=float) - learning_rate * np.asarray(dW, dtype=float) for W, dW in zip(weights, grad_weights)]
    return new_weights, [np.asarray(b, dtype=float) for b in biases]
