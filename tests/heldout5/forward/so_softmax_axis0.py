from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    value = 0.0
    for x, w in zip(inputs, weights):
        value += x * w
    return float(value + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    nb = biases if biases is not None else [None] * len(weights)
    for W, b in zip(weights[:-1], nb[:-1]):
        a = hidden_layer(a, W, b)
    a = a.dot(np.asarray(weights[-1], dtype=float))
    return a if nb[-1] is None else a + nb[-1]


def softmax(z):
    """Compute softmax values for each sets of scores in z."""
    z = np.asarray(z, dtype=float)
    e_z = np.exp(z - np.max(z))
    return e_z / e_z.sum(axis=0)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    losses = []
    for row, y in zip(scores, labels):
        row = row - row.max()
        losses.append(np.log(np.exp(row).sum()) - row[y])
    return float(np.mean(losses))
