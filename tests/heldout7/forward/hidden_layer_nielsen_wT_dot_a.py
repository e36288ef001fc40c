from __future__ import annotations

import numpy as np


# Adapted from network.py (Nielsen, "Neural Networks and Deep Learning"):
#     a = sigmoid(np.dot(w, a) + b)
# Our weight matrices are stored (n_in, n_out), so w.T plays the role of his w.

def relu(z):
    return np.maximum(0.0, z)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(weights, dtype=float), np.asarray(inputs, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    z = np.dot(w.T, a)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    """Return the output of the network if ``inputs`` is input."""
    a = np.asarray(inputs, dtype=float)
    if biases is None:
        biases = [np.zeros(np.shape(w)[1]) for w in weights]
    pairs = list(zip(biases, weights))
    for b, w in pairs[:-1]:
        a = relu(np.dot(a, np.asarray(w, dtype=float)) + b)
    b, w = pairs[-1]
    return np.dot(a, np.asarray(w, dtype=float)) + b


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    n = scores.shape[0]
    m = np.max(scores, axis=1, keepdims=True)
    log_sum = np.log(np.sum(np.exp(scores - m), axis=1)) + m.ravel()
    return float(np.sum(log_sum - scores[np.arange(n), np.asarray(labels, dtype=int)]) / n)
