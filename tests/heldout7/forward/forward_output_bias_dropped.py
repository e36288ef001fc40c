from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    return float(np.sum(inputs * weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.matmul(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    """Hidden layers use hidden_layer; the output layer is linear."""
    if biases is None:
        biases = [None] * len(weights)
    activation = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        activation = hidden_layer(activation, W, b)
    # output layer: linear, no ReLU
    prediction = np.matmul(activation, np.asarray(weights[-1], dtype=float))
    return prediction


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    best = scores.max(axis=1, keepdims=True)
    log_probs = scores - best - np.log(np.exp(scores - best).sum(axis=1, keepdims=True))
    return float(np.mean(-log_probs[np.arange(scores.shape[0]), labels]))
