"""Forward-propagation exercises: fill in the six functions below."""

from __future__ import annotations

import math

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)
    if biases is not None:
        z = z + np.asarray(biases, float)
    return relu(z)


def forward(inputs, weights, biases=None):
    # deep network from the video: 2 hidden layers + output
    b = biases if biases is not None else [None, None, None]
    h1 = hidden_layer(inputs, weights[0], b[0])
    h2 = hidden_layer(h1, weights[1], b[1])
    out = h2 @ np.asarray(weights[2], float)
    if b[2] is not None:
        out = out + np.asarray(b[2], float)
    return out


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    losses = []
    for row, y in zip(np.asarray(scores, float), labels):
        m = row.max()
        log_sum = m + math.log10(np.exp(row - m).sum())
        losses.append(log_sum - row[y])
    return sum(losses) / len(losses)
