"""Forward-propagation exercises.

Following Nielsen's network.py: a' = sigma(w a + b), weights indexed [node, input].
"""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(weights, inputs) + bias)


def hidden_layer(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    # w is (n_out, n_in) like in the book, so w . a  (rows of a transposed)
    z = np.dot(w, a.T).T
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    if biases is None:
        biases = [None] * len(weights)
    for w, b in zip(weights[:-1], biases[:-1]):
        z = a @ np.asarray(w, dtype=float)
        if b is not None:
            z = z + b
        a = relu(z)
    out = a @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        out = out + biases[-1]
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
