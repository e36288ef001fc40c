from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    s = 0.0
    for x, w in zip(inputs, weights):
        s += x * w
    return float(s + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + np.asarray(biases)
    return relu(np.asarray(z, dtype=float))


def forward(inputs, weights, biases=None):
    # every layer is a hidden_layer: dot, bias, activation
    activations = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        b = biases[i] if biases is not None else None
        activations = hidden_layer(activations, weights[i], b)
    return activations


def softmax(z):
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    p = softmax(np.atleast_2d(scores))
    m = p.shape[0]
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    logsumexp = s.max(axis=1) + np.log(np.exp(s - s.max(axis=1, keepdims=True)).sum(axis=1))
    return float(np.mean(logsumexp - s[np.arange(m), labels]))
