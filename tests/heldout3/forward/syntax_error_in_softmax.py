from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    h = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        h = hidden_layer(h, W, b)
    y = h @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        y = y + np.asarray(biases[-1], dtype=float)
    return y


def softmax(z):
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True)
    return exps / np.sum(exps, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(s)), labels].mean())
