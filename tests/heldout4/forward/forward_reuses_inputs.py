from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)
    if biases is not None:
        z += np.asarray(biases, float)
    return relu(z)


def forward(inputs, weights, biases=None):
    n = len(weights)
    hidden = np.asarray(inputs, float)
    for i in range(n - 1):
        hidden = hidden_layer(inputs, weights[i], None if biases is None else biases[i])
    out = hidden @ np.asarray(weights[-1], float)
    if biases is not None:
        out = out + np.asarray(biases[-1], float)
    return out


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
