"""Adapted from Nielsen's network.py feedforward (with the course's layout)."""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    """The sigmoid function."""
    return 1.0 / (1.0 + np.exp(-z))


def relu(x):
    return np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    """Return the output of the network if ``inputs`` is input."""
    if biases is None:
        biases = [np.zeros(np.shape(w)[1]) for w in weights]
    a = np.asarray(inputs, dtype=float)
    for b, w in zip(biases[:-1], weights[:-1]):
        a = sigmoid(np.dot(a, w) + b)
    return np.dot(a, weights[-1]) + biases[-1]


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - np.max(z, axis=1, keepdims=True)
    lp = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    return float(np.mean(-lp[np.arange(len(z)), labels]))
