"""Forward-propagation exercises (cs231n-minded: W has shape (hidden, input))."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    X = np.asarray(inputs, float)
    W = np.asarray(weights, float)
    H = X @ W.T
    if biases is not None:
        H = H + np.asarray(biases, float)
    return relu(H)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, float)
    for i in range(len(weights) - 1):
        a = hidden_layer(a, weights[i], None if biases is None else biases[i])
    y = a @ np.asarray(weights[-1], float)
    return y if biases is None else y + np.asarray(biases[-1], float)


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
