from __future__ import annotations

import numpy as np


def relu(x):
    return np.clip(x, 0, None)


def node_value(inputs, weights, bias=0.0):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    return float(inputs @ weights + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    n_hidden = len(weights) - 1
    values = np.asarray(inputs, dtype=float)
    for i in range(n_hidden):
        values = hidden_layer(values, weights[i], biases[i] if biases is not None else None)
    # output layer: linear, no relu
    return values @ np.asarray(weights[n_hidden], dtype=float)


def softmax(z):
    z = np.asarray(z, dtype=float)
    shifted = z - np.amax(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    shifted = scores - np.amax(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(np.mean(-log_probs[np.arange(labels.size), labels]))
