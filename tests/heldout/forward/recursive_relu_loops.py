import math

import numpy as np


def _is_number(x):
    return np.ndim(x) == 0


def _layer_row(row, weights, biases, activation):
    n_out = len(weights[0])
    values = []
    for j in range(n_out):
        column = [weights[i][j] for i in range(len(weights))]
        b = 0.0 if biases is None else biases[j]
        s = node_value(row, column, b)
        values.append(relu(s) if activation else s)
    return values


def relu(x):
    # works for numbers, lists, nested lists and arrays
    if np.ndim(x) == 0:
        return max(0, x)
    return np.array([relu(v) for v in x], dtype=float)


def node_value(inputs, weights, bias=0.0):
    total = 0.0
    for x, w in zip(inputs, weights):
        total += x * w
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    if np.ndim(inputs) == 1:
        return np.array(_layer_row(inputs, weights, biases, True), dtype=float)
    return np.array([_layer_row(row, weights, biases, True) for row in inputs], dtype=float)


def forward(inputs, weights, biases=None):
    values = inputs
    for k in range(len(weights)):
        b = None if biases is None else biases[k]
        last = k == len(weights) - 1
        if np.ndim(values) == 1:
            values = _layer_row(values, weights[k], b, not last)
        else:
            values = [_layer_row(row, weights[k], b, not last) for row in values]
    return np.array(values, dtype=float)


def _softmax_row(row):
    biggest = max(row)
    exps = [math.exp(v - biggest) for v in row]
    total = sum(exps)
    return [e / total for e in exps]


def softmax(z):
    if np.ndim(z) == 1:
        return np.array(_softmax_row(z))
    return np.array([_softmax_row(row) for row in z])


def cross_entropy_loss(scores, labels):
    losses = []
    for i in range(len(labels)):
        row = list(scores[i])
        biggest = max(row)
        total = math.fsum(math.exp(v - biggest) for v in row)
        losses.append(-(row[labels[i]] - biggest - math.log(total)))
    return math.fsum(losses) / len(losses)
