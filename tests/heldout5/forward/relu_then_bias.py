from __future__ import annotations

import numpy as np


def relu(x):
    x = np.array(x, dtype=float)  # copy so the input is not modified
    return x * (x > 0)


def node_value(inputs, weights, bias=0.0):
    return sum(i * w for i, w in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    # weighted sums for every node, activation, then the bias
    z = np.array(inputs, dtype=float) @ np.array(weights, dtype=float)
    a = relu(z)
    if biases is not None:
        a = a + np.array(biases, dtype=float)
    return a


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for k in range(len(weights) - 1):
        a = hidden_layer(a, weights[k], None if biases is None else biases[k])
    z = a @ np.array(weights[-1], dtype=float)
    if biases is not None:
        z = z + np.array(biases[-1], dtype=float)
    return z


def softmax(z):
    z = np.array(z, dtype=float)
    z -= z.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s -= s.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(s)), np.array(labels)].mean())
