from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float) + bias)


def hidden_layer(inputs, weights, biases=None):
    activations = relu(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float))
    if biases is not None:
        activations = activations + np.asarray(biases, dtype=float)
    return activations


def forward(inputs, weights, biases=None):
    # hidden layers with hidden_layer(), then a linear output layer
    a = np.asarray(inputs, dtype=float)
    for l in range(len(weights) - 1):
        a = hidden_layer(a, weights[l], biases[l] if biases is not None else None)
    z = a @ np.asarray(weights[-1], dtype=float)
    if biases is not None:
        z = z + np.asarray(biases[-1], dtype=float)
    return z


def softmax(z):
    z = np.asarray(z, dtype=float)
    z_max = np.max(z, axis=-1, keepdims=True)
    e = np.exp(z - z_max)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z_max = np.max(z, axis=1, keepdims=True)
    log_probs = z - z_max - np.log(np.exp(z - z_max).sum(axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(len(labels)), labels]))
