"""Forward propagation, written while following the d2l MLP-from-scratch chapter."""

from __future__ import annotations

import numpy as np


def relu(x):
    a = np.zeros_like(np.asarray(x, dtype=float))
    return np.maximum(np.asarray(x, dtype=float), a)[()]


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float) + bias)


def hidden_layer(inputs, weights, biases=None):
    H = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases:
        H = H + np.asarray(biases, dtype=float)
    return relu(H)


def forward(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    bs = biases if biases is not None else [None] * len(weights)
    H = X
    for W, b in zip(weights[:-1], bs[:-1]):
        H = relu(H @ np.asarray(W, dtype=float) + (0 if b is None else np.asarray(b, dtype=float)))
    O = H @ np.asarray(weights[-1], dtype=float)
    if bs[-1] is not None:
        O = O + np.asarray(bs[-1], dtype=float)
    return O


def softmax(z):
    X = np.asarray(z, dtype=float)
    X = X - X.max(axis=-1, keepdims=True)
    X_exp = np.exp(X)
    partition = X_exp.sum(axis=-1, keepdims=True)
    return X_exp / partition


def cross_entropy_loss(scores, labels):
    y_hat = np.atleast_2d(np.asarray(scores, dtype=float))
    y = np.asarray(labels, dtype=int)
    y_hat = y_hat - y_hat.max(axis=1, keepdims=True)
    log_y_hat = y_hat - np.log(np.exp(y_hat).sum(axis=1, keepdims=True))
    return float(-log_y_hat[range(len(y_hat)), y].mean())
