"""Forward-propagation exercises: fill in the six functions below."""

from __future__ import annotations

import numpy as np


def relu(x):
    """relu(3) == 3, relu(-3) == 0"""
    return max(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return np.maximum(z, 0)  # can't use my relu here, it complains about truth value of an array


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights[:-1]):
        h = hidden_layer(h, W, None if biases is None else biases[i])
    out = np.dot(h, np.asarray(weights[-1], dtype=float))
    if biases is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-np.mean([lp[i, int(c)] for i, c in enumerate(labels)]))
