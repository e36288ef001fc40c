from __future__ import annotations

import numpy as np


def relu(x):
    # set the negative entries to zero (faster than np.maximum, no new array)
    x = np.asarray(x)
    x[x < 0] = 0
    return x


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.multiply(inputs, weights))) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.matmul(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(L - 1):
        a = hidden_layer(a, weights[l], None if biases is None else biases[l])
    z = a @ np.asarray(weights[L - 1], dtype=float)
    if biases is not None:
        z = z + biases[L - 1]
    return z


def softmax(z):
    z = np.asarray(z, dtype=float)
    ez = np.exp(z - np.amax(z, axis=-1, keepdims=True))
    return ez / ez.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    idx = np.asarray(labels)
    s = s - s.max(axis=1, keepdims=True)
    lse = np.log(np.exp(s).sum(axis=1))
    return float((lse - s[np.arange(len(idx)), idx]).mean())
