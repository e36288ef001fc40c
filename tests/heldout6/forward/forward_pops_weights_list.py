from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    # take the output layer off the end, the rest are hidden layers
    W_out = weights.pop()
    b_out = biases.pop() if biases is not None else None
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = hidden_layer(a, W, None if biases is None else biases[i])
    out = a @ np.asarray(W_out, dtype=float)
    if b_out is not None:
        out = out + b_out
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(z)), labels].mean())
