# Conventions changed from the deeplearning.ai assignment (examples are rows
# here, W is (n_in, n_out)), the bias is kept as a column vector like b[l].
from __future__ import annotations

import numpy as np


def relu(Z):
    A = np.maximum(0, Z)
    return A


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    Z = np.dot(A_prev, W)
    if biases is not None:
        b = np.asarray(biases, dtype=float).reshape(-1, 1)   # b has shape (n_out, 1)
        Z = Z + b
    return relu(Z)


def forward(inputs, weights, biases=None):
    A = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(1, L):
        A = hidden_layer(A, weights[l - 1], None if biases is None else biases[l - 1])
    ZL = np.dot(A, np.asarray(weights[L - 1], dtype=float))
    if biases is not None:
        ZL = ZL + np.asarray(biases[L - 1], dtype=float).reshape(-1, 1)
    return ZL


def softmax(z):
    Z = np.asarray(z, dtype=float)
    t = np.exp(Z - np.max(Z, axis=-1, keepdims=True))
    return t / np.sum(t, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    Z = np.asarray(scores, dtype=float)
    m = Z.shape[0]
    Z = Z - np.max(Z, axis=1, keepdims=True)
    logprobs = Z - np.log(np.sum(np.exp(Z), axis=1, keepdims=True))
    cost = -1 / m * np.sum(logprobs[np.arange(m), labels])
    return float(np.squeeze(cost))
