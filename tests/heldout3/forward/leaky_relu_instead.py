from __future__ import annotations

import numpy as np


def relu(x):
    # leaky so that neurons don't die
    return np.maximum(0.01 * x, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    n = len(weights)
    for k in range(n):
        a = a @ np.asarray(weights[k], dtype=float)
        if biases is not None:
            a = a + np.asarray(biases[k], dtype=float)
        if k != n - 1:
            a = np.maximum(a, 0)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    m = scores.shape[0]
    return float(-log_probs[np.arange(m), labels].mean())
