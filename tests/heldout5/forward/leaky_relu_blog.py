from __future__ import annotations

import numpy as np

ALPHA = 0.01  # small slope so neurons do not "die"


def relu(x):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, ALPHA * x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z += np.asarray(biases, dtype=float)
    return np.maximum(z, 0)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        z = a @ np.asarray(W, dtype=float)
        if biases is not None:
            z = z + np.asarray(biases[i], dtype=float)
        a = relu(z) if i < len(weights) - 1 else z
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(z)), np.asarray(labels)].mean())
