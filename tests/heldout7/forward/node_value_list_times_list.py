from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # tested in the notebook with input_data = np.array([2, 3]) -> works
    return float(sum(inputs * weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.matmul(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        out = out + np.array(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    if biases is None:
        biases = [None for w in weights]
    for k in range(len(weights) - 1):
        x = hidden_layer(x, weights[k], biases[k])
    y = np.matmul(x, np.array(weights[-1], dtype=float))
    if biases[-1] is not None:
        y = y + np.array(biases[-1], dtype=float)
    return y


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - np.amax(z, axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    n = s.shape[0]
    loss = 0.0
    for i in range(n):
        row = s[i] - s[i].max()
        loss += np.log(np.exp(row).sum()) - row[int(labels[i])]
    return float(loss / n)
