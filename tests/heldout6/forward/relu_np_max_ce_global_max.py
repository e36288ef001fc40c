from __future__ import annotations

import numpy as np


def relu(x):
    return np.max(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return np.maximum(z, 0)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for idx in range(len(weights)):
        out = np.dot(out, np.asarray(weights[idx], dtype=float))
        if biases is not None:
            out = out + np.asarray(biases[idx], dtype=float)
        if idx < len(weights) - 1:
            out = np.maximum(out, 0)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # log-sum-exp trick: log(sum(exp(s))) = c + log(sum(exp(s - c)))
    s = np.asarray(scores, dtype=float)
    c = np.max(s)
    lse = c + np.log(np.sum(np.exp(s - c), axis=1))
    return float(np.mean(lse - s[np.arange(len(s)), labels]))
