from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float((np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)).sum() + bias)


def hidden_layer(inputs, weights, biases=None):
    # one node at a time, like node_0, node_1 in the course
    weights = np.asarray(weights, dtype=float)
    outputs = []
    for j in range(weights.shape[1]):
        b = 0.0 if biases is None else biases[j]
        outputs.append(relu(node_value(inputs, weights[:, j], b)))
    return np.array(outputs)


def forward(inputs, weights, biases=None):
    act = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        act = act @ np.asarray(W, dtype=float)
        if biases is not None:
            act = act + biases[i]
        if i < len(weights) - 1:
            act = relu(act)
    return act


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    m = z.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    return float(np.mean(lse[:, 0] - z[np.arange(len(z)), labels]))
