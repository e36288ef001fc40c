"""Forward propagation (I learned it the deeplearning.ai way: Z = W A + b)."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(weights, inputs) + bias)


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    W = np.asarray(weights, dtype=float)
    A_prev = np.asarray(inputs, dtype=float)
    if A_prev.ndim == 1:
        Z = np.dot(W, A_prev)
    else:
        Z = np.dot(W, A_prev.T).T
    if biases is not None:
        Z = Z + np.asarray(biases, dtype=float)
    return relu(Z)


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    A = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        Z = A @ np.asarray(weights[l], dtype=float)
        if biases is not None and biases[l] is not None:
            Z = Z + np.asarray(biases[l], dtype=float)
        A = relu(Z) if l < L - 1 else Z
    return A


def softmax(z):
    Z = np.asarray(z, dtype=float)
    T = np.exp(Z - np.max(Z, axis=-1, keepdims=True))
    return T / np.sum(T, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    Z = np.atleast_2d(np.asarray(scores, dtype=float))
    m = Z.shape[0]
    Z = Z - np.max(Z, axis=1, keepdims=True)
    log_AL = Z - np.log(np.sum(np.exp(Z), axis=1, keepdims=True))
    cost = -(1 / m) * np.sum(log_AL[np.arange(m), labels])
    return float(cost)
