from __future__ import annotations

import numpy as np


def relu(x):
    """ReLU: positive stays, negative -> 0"""
    x = np.array(x, dtype=float)
    return np.greater(x, 0).astype(float)


def node_value(inputs, weights, bias=0.0):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    return float(inputs.dot(weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.array(inputs, dtype=float).dot(np.array(weights, dtype=float))
    if biases is not None:
        out = out + np.array(biases, dtype=float)
    return np.maximum(out, 0.0)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [0.0] * len(weights)
    out = np.array(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        out = np.maximum(out.dot(np.array(W, dtype=float)) + b, 0.0)
    return out.dot(np.array(weights[-1], dtype=float)) + biases[-1]


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=int)
    z = scores - scores.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(scores.shape[0]), labels]))
