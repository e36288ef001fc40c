from __future__ import annotations

import numpy as np


def relu(x):
    # (|x| + x) / 2 is x for x > 0 and 0 otherwise
    return (np.abs(x) + x) / 2


def node_value(inputs, weights, bias=0.0):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    return float((inputs * weights).sum() + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.array(inputs, dtype=float) @ np.array(weights, dtype=float)
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    n = len(weights)
    if biases is None:
        biases = [None] * n
    x = np.array(inputs, dtype=float)
    for i in range(n - 1):
        x = hidden_layer(x, weights[i], biases[i])
    y = x @ np.array(weights[n - 1], dtype=float)
    if biases[n - 1] is not None:
        y = y + np.array(biases[n - 1], dtype=float)
    return y


def softmax(z):
    z = np.array(z, dtype=float)
    z -= z.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float, ndmin=2)
    labels = np.array(labels, dtype=int)
    scores -= scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(labels.size), labels].mean())


print("relu(3) =", relu(3), " relu(-3) =", relu(-3))
print("node:", node_value([2, 3], [1, 1]), node_value([2, 3], [-1, 1]))
print("bank:", forward([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]]))
print("deep:", forward([3, 5], [[[2, 4], [4, -5]], [[-1, 1], [2, 2]], [[2], [7]]]))
print("softmax:", softmax([1000, 1000]))
print("loss:", cross_entropy_loss([[1000, 0]], [1]))
