from __future__ import annotations

from functools import reduce

import numpy as np


def relu(x):
    return np.where(np.greater(x, 0), x, np.zeros_like(x))[()]


def node_value(inputs, weights, bias=0.0):
    return float(sum(a * b for a, b in zip(np.asarray(inputs, float), np.asarray(weights, float))) + bias)


def _affine(x, W, b):
    z = x @ np.asarray(W, float)
    return z if b is None else z + np.asarray(b, float)


def hidden_layer(inputs, weights, biases=None):
    return relu(_affine(np.asarray(inputs, float), weights, biases))


def forward(inputs, weights, biases=None):
    bs = [None] * len(weights) if biases is None else list(biases)
    hidden = reduce(lambda a, wb: hidden_layer(a, *wb), zip(weights[:-1], bs[:-1]), np.asarray(inputs, float))
    return _affine(hidden, weights[-1], bs[-1])


def softmax(z):
    z = np.asarray(z, float)
    p = np.exp(z - np.max(z, axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    return p


def cross_entropy_loss(scores, labels):
    s = np.atleast_2d(np.asarray(scores, float))
    y = np.asarray(labels).astype(int).ravel()
    m = s.max(axis=1)
    lse = m + np.log(np.exp(s - m[:, None]).sum(axis=1))
    return float(np.mean(lse - s[np.arange(len(y)), y]))
