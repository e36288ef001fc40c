from __future__ import annotations

import numpy as np

np.random.seed(0)
X_demo = np.random.randn(4, 3).astype(np.float)
W_demo = [np.random.randn(3, 5), np.random.randn(5, 2)]


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    h = np.dot(np.asarray(inputs, dtype=np.float64), np.asarray(weights, dtype=np.float64))
    if biases is not None:
        h = h + np.asarray(biases, dtype=np.float64)
    return relu(h)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=np.float64)
    biases = biases if biases is not None else [None] * len(weights)
    for W, b in zip(weights[:-1], biases[:-1]):
        h = hidden_layer(h, W, b)
    out = np.dot(h, np.asarray(weights[-1], dtype=np.float64))
    return out if biases[-1] is None else out + np.asarray(biases[-1], dtype=np.float64)


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=int)
    c = np.max(s)
    log_sum_exp = c + np.log(np.sum(np.exp(s - c)))
    return float(np.mean(log_sum_exp - s[np.arange(len(y)), y]))


print(forward(X_demo, W_demo).shape)
