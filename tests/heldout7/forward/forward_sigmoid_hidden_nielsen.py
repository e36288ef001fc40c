from __future__ import annotations

import numpy as np


def sigmoid(z):
    """The sigmoid function."""
    return 1.0 / (1.0 + np.exp(-z))


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    """Return the output of the network if ``inputs`` is input.
    (feedforward from network.py, last layer left linear)"""
    a = np.asarray(inputs, dtype=float)
    num_layers = len(weights)
    if biases is None:
        biases = [np.zeros(np.shape(w)[-1]) for w in weights]
    for l, (b, w) in enumerate(zip(biases, weights)):
        z = np.dot(a, np.asarray(w, dtype=float)) + b
        a = z if l == num_layers - 1 else sigmoid(z)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - np.max(s, axis=1, keepdims=True)
    logp = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    y = np.asarray(labels, dtype=int)
    return float(-np.mean(logp[np.arange(len(y)), y]))
