"""Forward-propagation exercises: fill in the six functions below.

Conventions used throughout:
examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
column j holds the weights into node j; biases have shape (n_out,) and are
broadcast over the rows; a single data point may be given as a 1-D array.
No function may modify its arguments.

Check your work with:  grade forward.py
"""

from __future__ import annotations

import numpy as np


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise.

    A Python or numpy scalar gives a scalar; an array-like gives an array of
    the same shape. The input is not modified.
    """
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias.

    inputs and weights have shape (n,); the result is a single number.
    """
    # row vector (1, n) times column vector (n, 1), like in the lecture slides
    x = np.asarray(inputs, dtype=float).reshape(1, -1)
    w = np.asarray(weights, dtype=float).reshape(-1, 1)
    return x @ w + bias


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    if biases is None:
        biases = [None] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    a = a @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        a = a + np.asarray(biases[-1], dtype=float)
    return a


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(s.shape[0]), labels].mean())
