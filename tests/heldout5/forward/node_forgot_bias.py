from __future__ import annotations

import numpy as np


def relu(x):
    return np.where(np.asarray(x) > 0, x, 0)


def node_value(inputs, weights, bias=0.0):
    # multiply then add up (bank example: 2*1 + 3*1 = 5)
    return np.dot(inputs, weights)


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    w = np.array(weights, dtype=float)
    out = x @ w
    if biases is not None:
        out = out + np.array(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    act = np.array(inputs, dtype=float)
    for w, b in zip(weights[:-1], biases[:-1]):
        act = hidden_layer(act, w, b)
    out = act @ np.array(weights[-1], dtype=float)
    if biases[-1] is not None:
        out = out + np.array(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    p = np.array(scores, dtype=float)
    p = p - p.max(axis=1, keepdims=True)
    lse = np.log(np.exp(p).sum(axis=1))
    idx = np.arange(p.shape[0])
    return float(np.mean(lse - p[idx, np.array(labels)]))
