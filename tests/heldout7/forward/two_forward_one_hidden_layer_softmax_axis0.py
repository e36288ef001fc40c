from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.array(inputs, dtype=float) * np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.array(inputs, dtype=float) @ np.array(weights, dtype=float)
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    # input -> hidden -> output (like the bank network)
    if biases is None:
        biases = [None, None]
    hidden = hidden_layer(inputs, weights[0], biases[0])
    output = hidden @ np.array(weights[-1], dtype=float)
    if biases[-1] is not None:
        output = output + np.array(biases[-1], dtype=float)
    return output


def softmax(z):
    z = np.array(z, dtype=float)
    exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=0)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(s.shape[0]), np.array(labels, dtype=int)]))
