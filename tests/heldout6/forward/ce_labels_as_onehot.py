from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        b = 0 if biases is None else np.asarray(biases[i], dtype=float)
        z = a @ np.asarray(W, dtype=float) + b
        a = z if i == len(weights) - 1 else relu(z)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # L = -1/m * sum(y * log(y_hat))
    y = np.asarray(labels, dtype=float)
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    log_y_hat = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    m = z.shape[0]
    return float(-np.sum(y * log_y_hat) / m)
