from __future__ import annotations

import numpy as np

np.random.seed(42)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for i, w in enumerate(weights):
        b = None if biases is None else biases[i]
        if i < len(weights) - 1:
            x = hidden_layer(x, w, b)
        else:
            x = x.dot(np.asarray(w, dtype=float))
            if b is not None:
                x = x + np.asarray(b, dtype=float)
    return x


def softmax(z):
    z = np.asarray(z, dtype=float)
    exp_z = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    shift = scores - scores.max(axis=1, keepdims=True)
    log_probs = shift - np.log(np.exp(shift).sum(axis=1, keepdims=True))
    loss = -np.sum(log_probs[np.arange(scores.shape[0]), labels])
    return float(loss)
