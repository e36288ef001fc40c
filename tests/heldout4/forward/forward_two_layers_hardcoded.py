"""Forward-propagation exercises: fill in the six functions below."""

from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs) * np.asarray(weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)
    if biases is not None:
        z = z + np.asarray(biases, float)
    return relu(z)


def forward(inputs, weights, biases=None):
    # bank example: input -> hidden -> output
    if biases is None:
        biases = [None, None]
    hidden = hidden_layer(inputs, weights[0], biases[0])
    output = hidden @ np.asarray(weights[1], float)
    if biases[1] is not None:
        output = output + np.asarray(biases[1], float)
    return output


def softmax(z):
    z = np.asarray(z, float)
    z = z - z.max(axis=-1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, float)
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(z.shape[0]), labels].mean())
