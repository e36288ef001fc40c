from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise."""
    # x > 0 is True/False, True*x = x and False*x = 0
    return x * (x > 0)


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    return float(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)) + bias


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
    out = a @ np.asarray(weights[-1], dtype=float)
    return out if biases[-1] is None else out + np.asarray(biases[-1], dtype=float)


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    mx = s.max(axis=1, keepdims=True)
    lse = mx[:, 0] + np.log(np.exp(s - mx).sum(axis=1))
    return float(np.mean(lse - s[np.arange(len(y)), y]))
