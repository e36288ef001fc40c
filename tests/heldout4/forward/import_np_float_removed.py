"""Forward-propagation exercises: fill in the six functions below."""

from __future__ import annotations

import numpy as np

np.random.seed(1)
# example network from the old tutorial, used in my tests below
EXAMPLE_W = [np.random.randn(2, 3).astype(np.float), np.random.randn(3, 1).astype(np.float)]


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, float), np.asarray(weights, float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)
    if biases is not None:
        z = z + np.asarray(biases, float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, float)
    bs = [None] * len(weights) if biases is None else biases
    for W, b in zip(weights[:-1], bs[:-1]):
        a = hidden_layer(a, W, b)
    out = a @ np.asarray(weights[-1], float)
    return out if bs[-1] is None else out + np.asarray(bs[-1], float)


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    z = z - z.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(labels)), labels].mean())
