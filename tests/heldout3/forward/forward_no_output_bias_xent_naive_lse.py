from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float) + bias)


def hidden_layer(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        h = h + np.asarray(biases, dtype=float)
    return relu(h)


def forward(inputs, weights, biases=None):
    """hidden layers with relu, then a linear read-out"""
    h = np.asarray(inputs, dtype=float)
    for i in range(len(weights) - 1):
        h = hidden_layer(h, weights[i], None if biases is None else biases[i])
    return h @ np.asarray(weights[-1], dtype=float)


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # loss_i = log(sum_j exp(s_ij)) - s_i,y_i   (log-sum-exp form, no softmax needed)
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    lse = np.log(np.sum(np.exp(s), axis=1))
    return float(np.mean(lse - s[np.arange(len(s)), labels]))
