from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    # the course network has no biases, so: relu(inputs @ weights)
    hidden_layer_values = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    return relu(hidden_layer_values)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    values = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        values = hidden_layer(values, W, b)
    out = np.dot(values, np.asarray(weights[-1], dtype=float))
    if biases[-1] is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(y)), y].mean())
