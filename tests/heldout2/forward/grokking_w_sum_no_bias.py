from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(len(a)):
        output += a[i] * b[i]
    return output


def node_value(inputs, weights, bias=0.0):
    # weighted sum, exactly like the book's neural_network(input, weights)
    pred = w_sum(inputs, weights)
    return pred


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        z += np.array(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    h = np.array(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        h = hidden_layer(h, W, b)
    out = np.dot(h, np.array(weights[-1], dtype=float))
    if biases[-1] is not None:
        out = out + np.array(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - np.max(s, axis=1, keepdims=True)
    lp = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return -np.mean(lp[np.arange(len(s)), labels])
