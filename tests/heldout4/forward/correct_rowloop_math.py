"""Forward-propagation exercises: fill in the six functions below.

I wrote everything with loops first so I understand it, numpy only to hold results.
"""

from __future__ import annotations

import math

import numpy as np


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise."""
    if np.isscalar(x):
        return x if x > 0 else 0 * x
    arr = np.array(x, dtype=float)  # copy, don't touch the caller's array
    flat = arr.reshape(-1)
    for i in range(flat.size):
        if flat[i] < 0:
            flat[i] = 0.0
    return arr


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    s = 0.0
    for i in range(len(inputs)):
        s += float(inputs[i]) * float(weights[i])
    return s + bias


def _one_row(row, weights, biases):
    W = np.asarray(weights, dtype=float)
    n_out = W.shape[1]
    out = np.zeros(n_out)
    for j in range(n_out):
        b = 0.0 if biases is None else biases[j]
        out[j] = node_value(row, W[:, j], b)
    return out


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    x = np.asarray(inputs, dtype=float)
    if x.ndim == 1:
        return relu(_one_row(x, weights, biases))
    rows = [relu(_one_row(r, weights, biases)) for r in x]
    return np.array(rows).reshape(x.shape[0], -1)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    x = np.asarray(inputs, dtype=float)
    n_layers = len(weights)
    for l in range(n_layers - 1):
        x = hidden_layer(x, weights[l], None if biases is None else biases[l])
    last_b = None if biases is None else biases[-1]
    W = np.asarray(weights[-1], dtype=float)
    if x.ndim == 1:
        return _one_row(x, W, last_b)
    return np.array([_one_row(r, W, last_b) for r in x]).reshape(x.shape[0], -1)


def _softmax_row(row):
    m = max(row)
    exps = [math.exp(v - m) for v in row]
    total = sum(exps)
    return [e / total for e in exps]


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        return np.array(_softmax_row(list(z)))
    return np.array([_softmax_row(list(r)) for r in z]).reshape(z.shape)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    total = 0.0
    for row, y in zip(scores, labels):
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        total += lse - row[int(y)]
    return total / len(labels)
