from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # w_i * x_i + b for every input, then add them up
    terms = [x * w + bias for x, w in zip(inputs, weights)]
    return float(sum(terms))


def hidden_layer(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    Z = X @ W
    if biases is not None:
        Z = Z + np.asarray(biases, dtype=float)
    return relu(Z)


def forward(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    bs = biases if biases is not None else [None] * len(weights)
    for W, b in list(zip(weights, bs))[:-1]:
        X = hidden_layer(X, W, b)
    Y = X @ np.asarray(weights[-1], dtype=float)
    if bs[-1] is not None:
        Y = Y + np.asarray(bs[-1], dtype=float)
    return Y


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - np.amax(z, axis=-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    S = np.atleast_2d(np.asarray(scores, dtype=float))
    y = np.asarray(labels, dtype=int)
    S = S - S.max(axis=1, keepdims=True)
    lse = np.log(np.exp(S).sum(axis=1))
    return float(np.mean(lse - S[np.arange(len(y)), y]))
