from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    bs = [None] * len(weights) if biases is None else list(biases)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], bs[:-1]):
        a = hidden_layer(a, W, b)
    a = a @ np.asarray(weights[-1], dtype=float)
    if bs[-1] is not None:
        a = a + bs[-1]
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    probs = softmax(scores)
    probs = np.clip(probs, 1e-12, 1.0)   # avoid log(0)
    n = probs.shape[0]
    return float(-np.log(probs[np.arange(n), labels]).mean())
