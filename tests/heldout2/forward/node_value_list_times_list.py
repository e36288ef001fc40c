from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    x = np.asarray(x)
    return x * (x > 0)


def node_value(inputs, weights, bias=0.0):
    return sum(inputs * weights) + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    Z = X @ W
    if biases is not None:
        Z = Z + np.array(biases, dtype=float)
    A = np.maximum(Z, 0)
    return A


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
    Z = np.array(z, dtype=float)
    Z_max = np.max(Z, axis=-1, keepdims=True)
    expZ = np.exp(Z - Z_max)
    return expZ / np.sum(expZ, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    losses = []
    for row, label in zip(scores, labels):
        biggest = np.max(row)
        log_sum_exp = biggest + np.log(np.sum(np.exp(row - biggest)))
        losses.append(log_sum_exp - row[label])
    return np.mean(losses)


if __name__ == "__main__":
    input_data = np.array([2, 3])
    print(node_value(input_data, np.array([1, 1])))   # 5
    print(node_value(input_data, np.array([-1, 1])))  # 1
