"""Forward-propagation exercises, matrix style."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    X = np.matrix(inputs, dtype=float)
    W = np.matrix(weights, dtype=float)
    Z = X * W
    if biases is not None:
        Z = Z + np.matrix(biases, dtype=float)
    return relu(Z)


def forward(inputs, weights, biases=None):
    A = inputs
    L = len(weights)
    for l in range(L - 1):
        A = hidden_layer(A, weights[l], None if biases is None else biases[l])
    out = np.asarray(A, dtype=float) @ np.asarray(weights[-1], dtype=float)
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
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
