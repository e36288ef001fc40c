from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.array(inputs, dtype=float).dot(np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.array(inputs, dtype=float).dot(np.array(weights, dtype=float))
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for i, W in enumerate(weights):
        z = a.dot(np.array(W, dtype=float))
        if biases is not None:
            z = z + np.array(biases[i], dtype=float)
        a = relu(z) if i < len(weights) - 1 else z
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    p = softmax(scores)
    y = np.array(labels, dtype=int)
    return float(np.mean(-np.log(p[np.arange(len(y)), y])))


# softmax([1, 2, 3]) -> [0.09, 0.245, 0.665]  ok
