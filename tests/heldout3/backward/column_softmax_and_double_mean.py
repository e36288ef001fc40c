# Backprop homework
# (started from the stub, docstrings removed to keep it short)
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """ReLU's slope: 1 where z > 0, else 0 (also 0 at the corner z == 0)."""
    z = np.asarray(z)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    Z = np.asarray(scores, dtype=float)
    # column-wise softmax like in the course notes (examples as columns)
    A = np.exp(Z - Z.max(axis=0, keepdims=True))
    A = A / A.sum(axis=0, keepdims=True)
    m = Z.shape[0]
    Y = np.zeros_like(A)
    Y[np.arange(m), labels] = 1
    return (A - Y) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    m = X.shape[0]
    A, Z = [X], []
    for W, b in zip(weights, biases):
        Z.append(A[-1] @ W + b)
        A.append(np.maximum(0, Z[-1]))
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        dA_prev = dZ @ weights[l].T
        dW = (1 / m) * A[l].T @ dZ
        db = (1 / m) * np.sum(dZ, axis=0)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dZ = dA_prev * relu_grad(Z[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = []
    new_b = []
    for i in range(len(weights)):
        new_w.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_b.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_w, new_b
