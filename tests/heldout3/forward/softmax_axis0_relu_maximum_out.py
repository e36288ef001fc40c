from __future__ import annotations

import numpy as np


def relu(x):
    # in-place maximum is the fastest (third argument is the output array)
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0, x)


def node_value(inputs, weights, bias=0.0):
    return float(sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for k in range(len(weights) - 1):
        a = hidden_layer(a, weights[k], None if biases is None else biases[k])
    a = a @ np.asarray(weights[-1], dtype=float)
    if biases is not None and biases[-1] is not None:
        a = a + np.asarray(biases[-1], dtype=float)
    return a


def softmax(z):
    """Compute softmax values for each set of scores in z."""
    z = np.asarray(z, dtype=float)
    e_x = np.exp(z - np.max(z, axis=0))
    return e_x / e_x.sum(axis=0)


def cross_entropy_loss(scores, labels):
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(s.shape[0]), labels].mean())
