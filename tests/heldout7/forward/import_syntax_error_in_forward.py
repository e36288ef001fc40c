from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise."""
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    return float(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float) + bias)


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
    x = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1])
        x = hidden_layer(x, W, b)
    y = x @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        y = y + np.asarray(biases[-1], dtype=float)
    return y


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(s)), np.asarray(labels, dtype=int)].mean())
