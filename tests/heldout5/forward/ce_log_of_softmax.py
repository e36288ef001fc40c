from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        out = out + np.array(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    for i in range(len(weights) - 1):
        x = hidden_layer(x, weights[i], None if biases is None else biases[i])
    y = np.dot(x, np.array(weights[-1], dtype=float))
    if biases is not None:
        y = y + np.array(biases[-1], dtype=float)
    return y


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # softmax is already stable, so just take -log of the right probability
    probs = softmax(scores)
    m = probs.shape[0]
    correct = probs[np.arange(m), labels]
    return float(np.mean(-np.log(correct)))
