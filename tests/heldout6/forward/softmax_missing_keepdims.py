from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for k in range(len(weights)):
        x = x @ np.asarray(weights[k], dtype=float)
        if biases is not None:
            x = x + np.asarray(biases[k], dtype=float)
        if k < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.asarray(z, dtype=float)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    exps = np.exp(shifted)
    return exps / np.sum(exps, axis=-1)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    shifted = z - np.max(z, axis=1, keepdims=True)
    lse = np.log(np.sum(np.exp(shifted), axis=1))
    return float(np.mean(lse - shifted[np.arange(z.shape[0]), labels]))
