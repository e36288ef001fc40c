from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    a = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        a += np.asarray(biases, dtype=float)
    return relu(a)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    h = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        h = hidden_layer(h, W, b)
    y = np.dot(h, np.asarray(weights[-1], dtype=float))
    if biases[-1] is not None:
        y += np.asarray(biases[-1], dtype=float)
    return y


def softmax(z):
    # exp(z_j) / sum_k exp(z_k), row by row
    e = np.exp(np.asarray(z, dtype=float))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    mx = np.max(s, axis=1, keepdims=True)
    logp = s - mx - np.log(np.sum(np.exp(s - mx), axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(len(s)), labels]))
