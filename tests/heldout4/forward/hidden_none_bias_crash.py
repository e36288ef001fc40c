from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs, float) * np.asarray(weights, float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    return relu(np.asarray(inputs, float) @ np.asarray(weights, float) + biases)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, float)
    if biases is None:
        biases = [np.zeros(np.shape(W)[1]) for W in weights]
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    return a @ np.asarray(weights[-1], float) + np.asarray(biases[-1], float)


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
