# exported from my Colab notebook
from __future__ import annotations

import numpy as np
%matplotlib inline


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    if biases is None:
        biases = [None] * len(weights)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    out = np.dot(a, np.array(weights[-1], dtype=float))
    if biases[-1] is not None:
        out = out + np.array(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(len(s)), np.array(labels, dtype=int)]))
