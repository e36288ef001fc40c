from __future__ import annotations

import numpy as np

EPS = 1e-5


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    h = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        h = hidden_layer(h, W, b)
    y = np.dot(h, np.asarray(weights[-1], dtype=float))
    if biases[-1] is not None:
        y = y + np.asarray(biases[-1], dtype=float)
    return y


def softmax(x):
    max_x = np.max(x, axis=-1, keepdims=True)
    return np.exp(x - max_x) / np.sum(np.exp(x - max_x), axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    y_hat = softmax(np.asarray(scores, dtype=float))
    l = 0
    for i, j in enumerate(labels):
        l += -np.log(y_hat[i, j] + EPS)  # + EPS so that log(0) never happens
    return float(l / len(labels))
