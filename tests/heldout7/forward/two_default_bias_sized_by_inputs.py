from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    if biases is None:
        biases = np.zeros(len(weights))   # one bias per node
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    out = np.dot(a, np.asarray(weights[-1], dtype=float))
    if biases[-1] is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    mx = np.max(s, axis=1, keepdims=True)
    log_probs = s - mx - np.log(np.sum(np.exp(s - mx), axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(s.shape[0]), y]))
