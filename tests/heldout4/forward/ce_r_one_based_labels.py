"""Forward-propagation exercises, translated from my R version (nnet-style)."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)  # pmax(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs, float) * np.asarray(weights, float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)  # x %*% W
    if biases is not None:
        z = z + np.asarray(biases, float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, float)
    for i in range(len(weights) - 1):
        a = hidden_layer(a, weights[i], None if biases is None else biases[i])
    y = a @ np.asarray(weights[-1], float)
    return y if biases is None else y + np.asarray(biases[-1], float)


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    S = np.asarray(scores, float)
    S = S - S.max(axis=1, keepdims=True)
    logp = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    # R: logp[cbind(1:n, y)], classes are numbered from 1
    y = np.asarray(labels, int) - 1
    return float(-np.mean(logp[np.arange(S.shape[0]), y]))
