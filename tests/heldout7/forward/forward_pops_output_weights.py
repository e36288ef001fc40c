from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    # take the output layer off the end, the rest are hidden layers
    W_out = weights.pop()
    b_out = biases.pop() if biases is not None else None
    a = np.array(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = hidden_layer(a, W, None if biases is None else biases[i])
    out = np.dot(a, np.array(W_out, dtype=float))
    if b_out is not None:
        out = out + np.array(b_out, dtype=float)
    return out


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=int)
    scores = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = scores - np.log(np.sum(np.exp(scores), axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(len(labels)), labels]))
