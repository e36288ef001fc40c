from __future__ import annotations

import math

import numpy as np


def relu(x):
    # works for numbers and for arrays
    if np.isscalar(x):
        return x if x > 0 else 0
    arr = np.array(x, dtype=float)
    out = np.zeros(arr.shape)
    for idx in np.ndindex(arr.shape):
        if arr[idx] > 0:
            out[idx] = arr[idx]
    return out


def node_value(inputs, weights, bias=0.0):
    total = 0.0
    for i in range(len(inputs)):
        total += inputs[i] * weights[i]
    return float(total + bias)


def hidden_layer(inputs, weights, biases=None):
    W = np.array(weights, dtype=float)
    X = np.array(inputs, dtype=float)
    single = X.ndim == 1
    if single:
        X = X.reshape(1, -1)
    n_out = W.shape[1]
    out = np.zeros((X.shape[0], n_out))
    for r in range(X.shape[0]):
        for j in range(n_out):
            b = 0.0 if biases is None else biases[j]
            out[r, j] = max(0.0, node_value(X[r], W[:, j], b))
    return out[0] if single else out


def forward(inputs, weights, biases=None):
    values = np.array(inputs, dtype=float)
    L = len(weights)
    for l in range(L - 1):
        b = None if biases is None else biases[l]
        values = hidden_layer(values, weights[l], b)
    output = np.dot(values, np.array(weights[L - 1], dtype=float))
    if biases is not None:
        output = output + np.array(biases[L - 1], dtype=float)
    return output


def _softmax_row(row):
    m = max(row)
    exps = [math.exp(v - m) for v in row]
    s = sum(exps)
    return [e / s for e in exps]


def softmax(z):
    z = np.array(z, dtype=float)
    if z.ndim == 1:
        return np.array(_softmax_row(list(z)))
    return np.array([_softmax_row(list(row)) for row in z])


def cross_entropy_loss(scores, labels):
    total = 0.0
    n = 0
    for row, label in zip(scores, labels):
        row = [float(v) for v in row]
        m = max(row)
        log_sum = m + math.log(sum(math.exp(v - m) for v in row))
        total += log_sum - row[int(label)]
        n += 1
    return total / n
