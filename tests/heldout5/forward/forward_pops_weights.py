from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    # take the output layer off the end, loop over the hidden ones
    out_w = weights.pop()
    out_b = biases.pop() if biases is not None else None
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        z = a @ np.asarray(W, dtype=float)
        if biases is not None:
            z = z + np.asarray(biases[i], dtype=float)
        a = relu(z)
    y = a @ np.asarray(out_w, dtype=float)
    if out_b is not None:
        y = y + np.asarray(out_b, dtype=float)
    return y


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(s.shape[0]), labels].mean())
