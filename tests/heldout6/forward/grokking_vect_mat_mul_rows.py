# Chapter 3 of Grokking Deep Learning: w_sum / vect_mat_mul, then stacked
from __future__ import annotations

import numpy as np


def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(len(a)):
        output += a[i] * b[i]
    return output


def vect_mat_mul(vect, matrix):
    assert len(vect) == len(matrix)
    output = [0] * len(vect)
    for i in range(len(vect)):
        output[i] = w_sum(vect, matrix[i])
    return output


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(w_sum(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    if x.ndim == 1:
        pred = np.array(vect_mat_mul(x, W), dtype=float)
    else:
        pred = np.array([vect_mat_mul(row, W) for row in x], dtype=float)
    if biases is not None:
        pred = pred + np.asarray(biases, dtype=float)
    return relu(pred)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    h = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        h = hidden_layer(h, W, b)
    out = h @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - np.max(s, axis=1, keepdims=True)
    lp = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.mean(lp[np.arange(len(s)), labels]))
