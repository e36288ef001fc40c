from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(sum(i * w for i, w in zip(inputs, weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=np.float64) @ np.asarray(weights, dtype=np.float64)
    if biases is not None:
        z = z + np.asarray(biases, dtype=np.float64)
    return relu(z)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=np.float64)
    for i in range(len(weights)):
        b = None if biases is None else biases[i]
        if i == len(weights) - 1:
            h = h @ np.asarray(weights[i], dtype=np.float64)
            if b is not None:
                h = h + np.asarray(b, dtype=np.float64)
        else:
            h = hidden_layer(h, weights[i], b)
    return h


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    ez = np.exp(z - z.max(-1, keepdims=True))
    return ez / ez.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # negative log likelihood, like F.cross_entropy(reduction="sum")
    logits = np.asarray(scores, dtype=np.float64)
    logits = logits - logits.max(1, keepdims=True)
    log_probs = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    nll = -log_probs[np.arange(logits.shape[0]), labels]
    return float(nll.sum())
