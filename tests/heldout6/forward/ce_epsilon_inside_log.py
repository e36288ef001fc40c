from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = np.add(z, biases)
    return relu(np.asarray(z, dtype=float))


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        h = np.dot(h, weights[i])
        if biases is not None:
            h = h + np.asarray(biases[i])
        if i != len(weights) - 1:
            h = relu(h)
    return h


def softmax(z):
    x = np.asarray(z, dtype=float)
    max_x = np.max(x, axis=-1, keepdims=True)
    return np.exp(x - max_x) / np.sum(np.exp(x - max_x), axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    y_hat = softmax(scores)
    l = 0
    for i, j in enumerate(labels):
        l += -np.log(y_hat[i, j] + 1e-05)   # +eps so log never sees 0
    return l / len(labels)
