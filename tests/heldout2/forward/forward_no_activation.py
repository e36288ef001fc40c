from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    if np.ndim(x) == 0:
        return x if x > 0 else 0 * x
    arr = np.array(x, dtype=float)
    return np.where(arr > 0, arr, 0.0)


def node_value(inputs, weights, bias=0.0):
    result = bias
    for x_i, w_i in zip(inputs, weights):
        result += x_i * w_i
    return result


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    b = np.zeros(W.shape[1]) if biases is None else np.array(biases, dtype=float)
    z = np.dot(x, W) + b
    return np.where(z > 0, z, 0.0)


def forward(inputs, weights, biases=None):
    A = np.array(inputs, dtype=float)
    for l in range(len(weights)):
        A = A @ np.array(weights[l], dtype=float)
        if biases is not None:
            A = A + np.array(biases[l], dtype=float)
    return A


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
