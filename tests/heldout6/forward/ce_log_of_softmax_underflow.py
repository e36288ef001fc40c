from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs) @ np.asarray(weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    z = x @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for i in range(len(weights) - 1):
        x = hidden_layer(x, weights[i], None if biases is None else biases[i])
    y = x @ np.asarray(weights[-1], dtype=float)
    if biases is not None:
        y = y + np.asarray(biases[-1], dtype=float)
    return y


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    probs = softmax(scores)          # softmax is already stable
    m = probs.shape[0]
    return float(-np.mean(np.log(probs[np.arange(m), labels])))
