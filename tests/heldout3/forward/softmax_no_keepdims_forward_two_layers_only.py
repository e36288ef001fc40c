"""Bank network from the course: 2 inputs -> 2 hidden -> 1 output."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    b0 = None if biases is None else biases[0]
    b1 = None if biases is None else biases[1]
    hidden = hidden_layer(inputs, weights[0], b0)
    output = np.dot(hidden, np.asarray(weights[1], dtype=float))
    if b1 is not None:
        output = output + np.asarray(b1, dtype=float)
    return output


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - np.max(z, axis=-1)
    exp_z = np.exp(z)
    return exp_z / np.sum(exp_z, axis=-1)


def cross_entropy_loss(scores, labels):
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    mx = scores.max(axis=1, keepdims=True)
    log_probs = scores - mx - np.log(np.exp(scores - mx).sum(axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(scores.shape[0]), labels]))
