# forward propagation -- written against an old numpy tutorial
from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for l in range(len(weights) - 1):
        a = hidden_layer(a, weights[l], None if biases is None else biases[l])
    output = np.dot(a, np.array(weights[-1], dtype=float))
    if biases is not None:
        output = output + np.array(biases[-1], dtype=float)
    return output[0]  # the network has a single output node


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.array(scores, dtype=float)
    z = z - np.max(z, axis=1, keepdims=True)
    log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(z.shape[0]), labels]))


# quick test with the deep-ReLU example
input_data = np.array([3, 5], dtype=np.float)
weights = [np.array([[2, 4], [4, -5]]), np.array([[-1, 1], [2, 2]]), np.array([[2], [7]])]
print(forward(input_data, weights))  # 182
