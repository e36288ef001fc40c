from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float) + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        out = out + np.asarray(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    out = a @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    # subtract the max for numerical stability (the result does not change)
    exps = np.exp(z - np.max(z))
    return exps / np.sum(exps, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(len(scores)), labels]))
