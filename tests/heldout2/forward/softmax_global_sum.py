from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.fmax(x, 0)


def node_value(inputs, weights, bias=0.0):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    total = np.sum(inputs * weights)
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    b = np.zeros(W.shape[1]) if biases is None else np.array(biases, dtype=float)
    z = np.dot(x, W) + b
    return np.where(z > 0, z, 0.0)


def forward(inputs, weights, biases=None):
    A = np.array(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        W = np.array(weights[l], dtype=float)
        Z = A @ W
        if biases is not None:
            Z = Z + np.array(biases[l], dtype=float)
        if l < L - 1:
            A = np.maximum(Z, 0)
        else:
            A = Z
    return A


def softmax(z):
    e_x = np.exp(z - np.max(z))
    return e_x / e_x.sum()


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.mean(log_probs[np.arange(len(labels)), labels])


scores = [3.0, 1.0, 0.2]
print(softmax(scores))
