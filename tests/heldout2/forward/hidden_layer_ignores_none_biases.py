"""Forward-propagation exercises: fill in the six functions below.

Conventions used throughout:
examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
column j holds the weights into node j; biases have shape (n_out,) and are
broadcast over the rows; a single data point may be given as a 1-D array.
No function may modify its arguments.

Check your work with:  grade forward.py
"""

from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    x = np.asarray(x)
    return x * (x > 0)


def node_value(inputs, weights, bias=0.0):
    return np.inner(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    return np.maximum(X @ W + biases, 0)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    bs = biases if biases is not None else [0.0] * len(weights)
    for k, (W, b) in enumerate(zip(weights, bs)):
        h = np.matmul(h, np.asarray(W, dtype=float)) + np.asarray(b, dtype=float)
        if k + 1 < len(weights):
            h = relu(h)
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - z.max(-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    picked = np.take_along_axis(logp, y[:, None], axis=1)
    return float(-picked.mean())
