from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    grad = np.zeros(z.shape)
    grad[z > 0] = 1
    return grad


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    target = np.zeros_like(probs)
    target[np.arange(m), labels] = 1
    return (probs - target) / m


def dense_backward(inputs, weights, grad_out):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    G = np.asarray(grad_out, dtype=float)
    return G @ W.T, X.T @ G, G.sum(axis=0)


def backward(inputs, weights, biases, labels):
    A = np.asarray(inputs, dtype=float)
    As, Zs = [], []
    for W, b in zip(weights, biases):
        As.append(A)
        Z = A @ W + b
        Zs.append(Z)
        A = np.maximum(Z, 0)
    dZ = softmax_cross_entropy_grad(Zs[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        dA, dW, db = dense_backward(As[l], weights[l], dZ)
        dWs.append(dW)
        dbs.append(db)
        if l > 0:
            dZ = np.where(Zs[l - 1] >= 0, dA, 0.0)  # relu passes the gradient where it is active
    return dWs[::-1], dbs[::-1]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * dW for W, dW in zip(weights, grad_weights)],
            [b - learning_rate * db for b, db in zip(biases, grad_biases)])
