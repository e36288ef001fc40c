from __future__ import annotations

import numpy as np

# test data from the slides
input_data = np.array([2, 3], dtype=np.float)
weights = [np.array([[1, -1], [1, 1]]), np.array([[2], [-1]])]


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
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights) - 1):
        a = hidden_layer(a, weights[i], biases[i] if biases is not None else None)
    return a @ np.asarray(weights[-1], dtype=float) + (0 if biases is None else np.asarray(biases[-1], dtype=float))


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        z = z - z.max()
        return np.exp(z) / np.exp(z).sum()
    z = z - z.max(axis=1)[:, None]
    return np.exp(z) / np.exp(z).sum(axis=1)[:, None]


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(s)), labels].mean())


print(forward(input_data, weights))
