# Forward propagation exercises
# I did everything with plain loops so I understand each step.

import math

import numpy as np


def relu(x):
    # a single number
    if isinstance(x, (int, float)):
        return x if x > 0 else 0
    # otherwise go through every element
    arr = np.array(x, dtype=float)
    out = np.zeros_like(arr)
    for idx in np.ndindex(arr.shape):
        if arr[idx] > 0:
            out[idx] = arr[idx]
    return out


def node_value(inputs, weights, bias=0.0):
    total = bias
    for i in range(len(inputs)):
        total += inputs[i] * weights[i]
    return float(total)


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    single = X.ndim == 1
    if single:
        X = X.reshape(1, -1)
    n_rows, n_in = X.shape
    n_out = W.shape[1]
    out = np.zeros((n_rows, n_out))
    for r in range(n_rows):
        for j in range(n_out):
            total = 0.0
            for i in range(n_in):
                total += X[r, i] * W[i, j]
            if biases is not None:
                total += biases[j]
            out[r, j] = max(0.0, total)
    if single:
        return out[0]
    return out


def _linear(X, W, b):
    W = np.array(W, dtype=float)
    out = np.zeros((X.shape[0], W.shape[1]))
    for r in range(X.shape[0]):
        for j in range(W.shape[1]):
            s = 0.0
            for i in range(W.shape[0]):
                s += X[r, i] * W[i, j]
            if b is not None:
                s += b[j]
            out[r, j] = s
    return out


def forward(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    single = X.ndim == 1
    if single:
        X = X.reshape(1, -1)
    n_layers = len(weights)
    for layer in range(n_layers):
        b = None if biases is None else biases[layer]
        X = _linear(X, weights[layer], b)
        if layer < n_layers - 1:
            X = relu(X)
    return X[0] if single else X


def softmax(z):
    z = np.array(z, dtype=float)
    if z.ndim == 1:
        biggest = max(z)
        exps = [math.exp(v - biggest) for v in z]
        total = sum(exps)
        return np.array([e / total for e in exps])
    return np.array([softmax(row) for row in z])


def cross_entropy_loss(scores, labels):
    total = 0.0
    for row, label in zip(scores, labels):
        biggest = max(row)
        log_sum = biggest + math.log(sum(math.exp(v - biggest) for v in row))
        total += log_sum - row[label]
    return total / len(labels)
