from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    # Calculate the value for the output of the relu function: output
    output = max(0, x)
    return output


def node_value(inputs, weights, bias=0.0):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    return float(inputs @ weights + bias)


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    Z = X @ W
    if biases is not None:
        Z = Z + np.array(biases, dtype=float)
    A = np.maximum(Z, 0)
    return A


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    x = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        x = hidden_layer(x, W, b)
    out = x @ np.asarray(weights[-1], dtype=float)
    return out if biases[-1] is None else out + np.asarray(biases[-1], dtype=float)


def softmax(z):
    z = np.array(z, dtype=float)
    biggest = np.max(z, axis=-1, keepdims=True)
    numerators = np.exp(z - biggest)
    denominator = np.sum(numerators, axis=-1, keepdims=True)
    probs = numerators / denominator
    return probs


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    losses = []
    for row, label in zip(scores, labels):
        biggest = np.max(row)
        log_sum_exp = biggest + np.log(np.sum(np.exp(row - biggest)))
        losses.append(log_sum_exp - row[label])
    return np.mean(losses)
