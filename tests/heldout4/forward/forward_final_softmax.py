"""Forward-propagation exercises: fill in the six functions below."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.vdot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)
    if biases is not None:
        z = z + np.asarray(biases, float)
    return relu(z)


def forward(inputs, weights, biases=None):
    """like model = Sequential([Dense(relu), ..., Dense(softmax)])"""
    a = np.asarray(inputs, float)
    bs = biases if biases is not None else [None] * len(weights)
    for W, b in zip(weights[:-1], bs[:-1]):
        a = hidden_layer(a, W, b)
    logits = a @ np.asarray(weights[-1], float)
    if bs[-1] is not None:
        logits = logits + np.asarray(bs[-1], float)
    return softmax(logits)


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    z = z - z.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
