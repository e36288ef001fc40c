from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # multiply then add up, like node_0_value = (input_data * weights['node_0']).sum()
    return (np.array(inputs) * np.array(weights)).sum()


def hidden_layer(inputs, weights, biases=None):
    weights = np.array(weights, dtype=float)
    n_nodes = weights.shape[1]
    values = []
    for j in range(n_nodes):
        b = 0.0 if biases is None else biases[j]
        values.append(relu(node_value(inputs, weights[:, j], b)))
    return np.array(values)


def forward(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        x = x.dot(np.array(weights[i], dtype=float))
        if biases is not None:
            x = x + np.array(biases[i], dtype=float)
        if i < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -logp[np.arange(s.shape[0]), np.array(labels)].mean()
