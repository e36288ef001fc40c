from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    Z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + biases
    return relu(Z)


def forward(inputs, weights, biases=None):
    A = np.asarray(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        Z = np.dot(A, np.asarray(weights[l], dtype=float))
        if biases is not None:
            Z = Z + np.asarray(biases[l], dtype=float)
        A = Z if l == L - 1 else relu(Z)
    return A


def softmax(z):
    z = np.asarray(z, dtype=float)
    t = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return t / np.sum(t, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    m = scores.shape[0]
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    return float(-np.sum(np.log(probs[np.arange(m), labels])) / m)
