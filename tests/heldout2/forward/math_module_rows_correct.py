from __future__ import annotations

import math

import numpy as np


def relu(x):
    if np.isscalar(x):
        return x if x > 0 else 0
    return np.maximum(np.asarray(x), 0)


def node_value(inputs, weights, bias=0.0):
    total = bias
    for x, w in zip(inputs, weights):
        total = total + x * w
    return total


def hidden_layer(inputs, weights, biases=None):
    W = np.array(weights, dtype=float)
    X = np.array(inputs, dtype=float)
    b = np.zeros(W.shape[1]) if biases is None else np.array(biases, dtype=float)
    return relu(X @ W + b)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for k in range(len(weights)):
        W = np.array(weights[k], dtype=float)
        z = a @ W
        if biases is not None:
            z = z + np.array(biases[k], dtype=float)
        a = z if k == len(weights) - 1 else relu(z)
    return a


def _softmax_row(row):
    m = max(row)
    exps = [math.exp(v - m) for v in row]
    s = sum(exps)
    return [e / s for e in exps]


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        return np.array(_softmax_row(z))
    return np.array([_softmax_row(r) for r in z])


def cross_entropy_loss(scores, labels):
    losses = []
    for row, y in zip(scores, labels):
        m = max(row)
        log_sum = m + math.log(sum(math.exp(v - m) for v in row))
        losses.append(log_sum - row[int(y)])
    return sum(losses) / len(losses)
