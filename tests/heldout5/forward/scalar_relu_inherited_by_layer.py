import math

import numpy as np


def relu(x):
    return x if x > 0 else 0


def node_value(inputs, weights, bias=0.0):
    return math.fsum(i * w for i, w in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for k, W in enumerate(weights):
        z = np.dot(a, np.array(W, dtype=float))
        if biases is not None:
            z = z + np.array(biases[k], dtype=float)
        a = np.maximum(z, 0) if k < len(weights) - 1 else z
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    total = 0.0
    for row, y in zip(scores, labels):
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        total += lse - row[y]
    return total / len(labels)
