from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float).reshape(-1, np.shape(weights)[0])   # make it (m, n_in)
    Z = X @ np.asarray(weights, dtype=float)
    if biases is not None:
        Z = Z + np.asarray(biases, dtype=float)
    return relu(Z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    A = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        A = hidden_layer(A, W, b)
    Y = A @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        Y = Y + np.asarray(biases[-1], dtype=float)
    return Y


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    Z = np.asarray(scores, dtype=float)
    Z = Z - Z.max(axis=1, keepdims=True)
    logP = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    return float(-logP[np.arange(Z.shape[0]), labels].mean())
