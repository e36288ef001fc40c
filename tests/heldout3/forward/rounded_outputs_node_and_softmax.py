from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    node = (np.asarray(inputs) * np.asarray(weights)).sum() + bias
    return round(float(node), 2)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    values = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights[:-1]):
        values = hidden_layer(values, W, None if biases is None else biases[i])
    out = values @ np.asarray(weights[-1], dtype=float)
    if biases is not None and biases[-1] is not None:
        out = out + biases[-1]
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    probs = e / e.sum(axis=-1, keepdims=True)
    return np.round(probs, 3)  # easier to read


def cross_entropy_loss(scores, labels):
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    shifted = scores - scores.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(scores)), labels].mean())
