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
    """Apply the rectified linear activation, max(0, x), elementwise."""
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + np.asarray(biases)
    return relu(z)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    if biases is None:
        biases = [None for _ in weights]
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    out = np.dot(a, weights[-1])
    if biases[-1] is not None:
        out = out + biases[-1]
    return out


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    m = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    correct = shifted[np.arange(m), labels]
    return float(np.mean(log_sum - correct))
