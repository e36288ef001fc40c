from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        out = out + np.asarray(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        out = out @ np.asarray(W, dtype=float)
        if biases is not None:
            out = out + np.asarray(biases[i], dtype=float)
        if i < len(weights) - 1:
            out = relu(out)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # d2l: def cross_entropy(y_hat, y): return -log(y_hat[range(len(y_hat)), y])
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_y_hat = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -log_y_hat[range(len(log_y_hat)), labels]
