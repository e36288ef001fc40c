from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    out = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases:                       # layer may have no biases
        out = out + np.array(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [np.zeros(np.shape(W)[-1]) for W in weights]
    out = np.array(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        out = relu(out @ np.array(W, dtype=float) + b)
    return out @ np.array(weights[-1], dtype=float) + biases[-1]


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s -= s.max(axis=1, keepdims=True)
    lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(s)), labels].mean())
