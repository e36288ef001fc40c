from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    s = 0.0
    for i, w in zip(inputs, weights):
        s += i * w
    return s + bias


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    z = x @ W
    if biases is not None:
            z = z + np.array(biases, dtype=float)
      return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        z = a @ np.array(weights[i], dtype=float)
        if biases is not None:
            z = z + np.array(biases[i], dtype=float)
        a = z if i == len(weights) - 1 else relu(z)
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    lse = np.log(np.exp(s).sum(axis=1))
    return np.mean(lse - s[np.arange(len(s)), labels])
