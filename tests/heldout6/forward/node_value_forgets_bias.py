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
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias.

    Bank example from the course (2 children, 3 accounts): the top hidden
    node has weights [1, 1], so node_value([2, 3], [1, 1]) == 5; the bottom
    node has weights [-1, 1], so node_value([2, 3], [-1, 1]) == 1.
    """
    # (input_data * weights['node_0']).sum()  -- straight from the video
    return (np.array(inputs) * np.array(weights)).sum()


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    z = np.array(inputs, dtype=float) @ np.array(weights, dtype=float)
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    if biases is None:
        biases = [None] * len(weights)
    x = np.array(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        x = hidden_layer(x, W, b)
    y = x @ np.array(weights[-1], dtype=float)
    if biases[-1] is not None:
        y = y + np.array(biases[-1], dtype=float)
    return y


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(s)), np.array(labels)].mean())


print(node_value([2, 3], [1, 1]), node_value([2, 3], [-1, 1]))
