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
    activation = np.array(inputs, dtype=float)
    n_layers = len(weights)
    for layer in range(n_layers):
        W = np.array(weights[layer], dtype=float)
        b = 0.0 if biases is None else np.array(biases[layer], dtype=float)
        z = np.dot(activation, W) + b
        is_output = layer == n_layers - 1
        activation = z if is_output else np.where(z > 0, z, 0.0)
    return activation


def softmax(z):
    exp_z = np.exp(z)
    return exp_z / np.sum(exp_z)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    losses = []
    for row, label in zip(scores, labels):
        biggest = np.max(row)
        log_sum_exp = biggest + np.log(np.sum(np.exp(row - biggest)))
        losses.append(log_sum_exp - row[label])
    return np.mean(losses)
