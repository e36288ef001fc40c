from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    if np.ndim(x) == 0:
        return x if x > 0 else 0 * x
    arr = np.array(x, dtype=float)
    return np.where(arr > 0, arr, 0.0)


def node_value(inputs, weights, bias=0.0):
    total = 0
    for x, wt in zip(inputs, weights):
        total += x * wt
    return int(total + bias)


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    b = np.zeros(W.shape[1]) if biases is None else np.array(biases, dtype=float)
    z = np.dot(x, W) + b
    return np.where(z > 0, z, 0.0)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        out = out @ np.asarray(weights[i], dtype=float)
        if biases is not None:
            out = out + np.asarray(biases[i], dtype=float)
        if i != len(weights) - 1:
            out = np.clip(out, 0, None)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - z.max(-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -np.sum(log_probs[np.arange(len(scores)), labels])
