from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs) * np.asarray(weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    # every layer is multiply-add then relu, the output layer as well
    values = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        values = hidden_layer(values, weights[i], None if biases is None else biases[i])
    return values


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    logp = z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))
    return float(-np.mean(logp[np.arange(len(z)), labels]))


if __name__ == "__main__":
    print(forward([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]]))                      # 9
    print(forward([3, 5], [[[2, 4], [4, -5]], [[-1, 1], [2, 2]], [[2], [7]]]))    # 182
