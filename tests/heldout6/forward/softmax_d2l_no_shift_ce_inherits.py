from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    H = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        H = H + np.asarray(biases, dtype=float)
    return relu(H)


def forward(inputs, weights, biases=None):
    H = np.asarray(inputs, dtype=float)
    for i in range(len(weights) - 1):
        H = hidden_layer(H, weights[i], biases[i] if biases is not None else None)
    O = H @ np.asarray(weights[-1], dtype=float)
    return O if biases is None else O + np.asarray(biases[-1], dtype=float)


def softmax(z):
    # d2l 3.6: X_exp = exp(X); partition = X_exp.sum(1, keepdims=True)
    X_exp = np.exp(np.asarray(z, dtype=float))
    partition = X_exp.sum(-1, keepdims=True)
    return X_exp / partition  # broadcasting


def cross_entropy(y_hat, y):
    return -np.log(y_hat[range(len(y_hat)), y])


def cross_entropy_loss(scores, labels):
    y_hat = softmax(scores)
    return float(cross_entropy(y_hat, labels).mean())
