"""Forward propagation, adapted from Michael Nielsen's network.py
(feedforward: a = sigmoid(np.dot(w, a) + b)), with ReLU instead of sigmoid."""
from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(weights, inputs) + bias)


def hidden_layer(inputs, weights, biases=None):
    """relu(w . a + b) -- Nielsen puts the weights first."""
    a = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    if biases is None:
        biases = np.zeros(w.shape[1])
    return relu(np.dot(w, a) + biases)


def forward(inputs, weights, biases=None):
    """Return the output of the network if ``inputs`` is input."""
    a = np.asarray(inputs, dtype=float)
    if biases is None:
        biases = [None] * len(weights)
    for w, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, w, b)
    out = np.dot(a, np.asarray(weights[-1], dtype=float))
    if biases[-1] is not None:
        out = out + biases[-1]
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    m = z.max(axis=1, keepdims=True)
    logsumexp = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    picked = z[np.arange(z.shape[0]), labels]
    return float(np.mean(logsumexp - picked))
