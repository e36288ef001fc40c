from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    x = np.asarray(x)
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    total = np.sum(inputs * weights)
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    Z = X @ W
    if biases is not None:
        Z = Z + np.array(biases, dtype=float)
    A = np.maximum(Z, 0)
    return A


def forward(inputs, weights, biases=None):
    A = np.array(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        W = np.array(weights[l], dtype=float)
        Z = A @ W
        if biases is not None:
            Z = Z + np.array(biases[l], dtype=float)
        if l < L - 1:
            A = np.maximum(Z, 0)
        else:
            A = Z
    return A


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z))          # subtract the max for stability
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.mean(log_probs[:, labels])
