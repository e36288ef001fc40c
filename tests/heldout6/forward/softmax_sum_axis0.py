from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        a = a.dot(np.asarray(weights[i], dtype=float))
        if biases is not None:
            a = a + np.asarray(biases[i], dtype=float)
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=0)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    log_probs = z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))
    return float(np.mean(-log_probs[np.arange(len(labels)), labels]))
