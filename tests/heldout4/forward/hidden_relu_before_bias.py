"""Forward-propagation exercises: fill in the six functions below."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.clip(x, 0, None)


def node_value(inputs, weights, bias=0.0):
    return float(np.inner(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    """relu(inputs @ weights + biases)"""
    h = relu(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float))
    if biases is not None:
        h = h + np.asarray(biases, dtype=float)
    return h


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    nb = biases or [None] * len(weights)
    for W, b in zip(weights[:-1], nb[:-1]):
        z = x @ np.asarray(W, dtype=float)
        x = relu(z + (0 if b is None else np.asarray(b, dtype=float)))
    z = x @ np.asarray(weights[-1], dtype=float)
    return z + (0 if nb[-1] is None else np.asarray(nb[-1], dtype=float))


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    m = z.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    picked = z[np.arange(z.shape[0]), np.asarray(labels)]
    return float(np.mean(lse - picked))
