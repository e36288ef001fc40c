from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.atleast_1d(np.asarray(inputs, dtype=float)) @ np.asarray(weights, dtype=float)
    return relu(z if biases is None else z + np.asarray(biases, dtype=float))


def forward(inputs, weights, biases=None):
    # always work with a 2-D batch, then flatten back at the end
    A = np.atleast_2d(np.asarray(inputs, dtype=float))
    n_layers = len(weights)
    for l in range(n_layers):
        Z = A @ np.asarray(weights[l], dtype=float)
        if biases is not None:
            Z = Z + np.asarray(biases[l], dtype=float)
        A = relu(Z) if l < n_layers - 1 else Z
    return A.flatten()


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    S = np.atleast_2d(np.asarray(scores, dtype=float))
    S = S - S.max(axis=1, keepdims=True)
    log_p = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(S.shape[0]), np.asarray(labels)]))
