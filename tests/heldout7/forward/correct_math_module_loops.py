from __future__ import annotations

import math

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    # works for numbers and for arrays/lists of any shape
    if np.isscalar(x):
        return x if x > 0 else 0
    arr = np.array(x, dtype=float)
    return np.where(arr > 0, arr, 0.0)


def node_value(inputs, weights, bias=0.0):
    total = 0.0
    for i in range(len(inputs)):
        total += float(inputs[i]) * float(weights[i])
    return total + bias


def _one_row(row, weights, biases):
    n_in = len(weights)
    n_out = len(weights[0])
    out = []
    for j in range(n_out):
        s = 0.0
        for i in range(n_in):
            s += float(row[i]) * float(weights[i][j])
        if biases is not None:
            s += float(biases[j])
        out.append(s)
    return out


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    if x.ndim == 1:
        return np.array([relu(v) for v in _one_row(x, weights, biases)], dtype=float)
    rows = []
    for row in x:
        rows.append([relu(v) for v in _one_row(row, weights, biases)])
    return np.array(rows, dtype=float).reshape(x.shape[0], len(weights[0]))


def forward(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    single = x.ndim == 1
    if single:
        x = x.reshape(1, -1)
    L = len(weights)
    result = []
    for row in x:
        a = list(row)
        for l in range(L):
            b = None if biases is None else biases[l]
            z = _one_row(a, weights[l], b)
            a = z if l == L - 1 else [max(0.0, v) for v in z]
        result.append(a)
    result = np.array(result, dtype=float)
    return result[0] if single else result


def _softmax_row(row):
    m = max(row)
    exps = [math.exp(v - m) for v in row]
    s = sum(exps)
    return [e / s for e in exps]


def softmax(z):
    z = np.array(z, dtype=float)
    if z.ndim == 1:
        return np.array(_softmax_row(list(z)))
    return np.array([_softmax_row(list(r)) for r in z])


def cross_entropy_loss(scores, labels):
    total = 0.0
    n = 0
    for row, y in zip(scores, labels):
        row = [float(v) for v in row]
        m = max(row)
        log_sum = m + math.log(sum(math.exp(v - m) for v in row))
        total += log_sum - row[int(y)]
        n += 1
    return total / n
