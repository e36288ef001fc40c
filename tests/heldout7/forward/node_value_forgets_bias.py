from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # multiply, then add up (bank example: 2*1 + 3*1 = 5)
    inputs = np.array(inputs)
    weights = np.array(weights)
    node_0_value = (inputs * weights).sum()
    return float(node_0_value)


def hidden_layer(inputs, weights, biases=None):
    hidden = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        hidden = hidden + np.array(biases, dtype=float)
    return relu(hidden)


def forward(inputs, weights, biases=None):
    layer = np.array(inputs, dtype=float)
    n = len(weights)
    for i in range(n):
        w = np.array(weights[i], dtype=float)
        b = 0.0 if biases is None else np.array(biases[i], dtype=float)
        layer = np.dot(layer, w) + b
        if i != n - 1:
            layer = relu(layer)
    return layer


def softmax(z):
    z = np.array(z, dtype=float)
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=int)
    m = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.sum(log_softmax[range(m), labels]) / m)
