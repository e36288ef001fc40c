"""Forward propagation without numpy tricks: plain lists and the math module.

(I wanted to be sure I understand every multiply and add.)
"""

from __future__ import annotations

import math

import numpy as np  # noqa: F401  (only used to recognise numpy inputs)


def _is_number(x):
    return not hasattr(x, "__len__") and not (hasattr(x, "ndim") and x.ndim > 0)


def relu(x):
    if _is_number(x):
        return x if x > 0 else 0.0
    return [relu(v) for v in x]


def node_value(inputs, weights, bias=0.0):
    return math.fsum(float(i) * float(w) for i, w in zip(inputs, weights)) + bias


def _layer(row, weights, biases):
    n_out = len(weights[0])
    out = []
    for j in range(n_out):
        column = [weights[i][j] for i in range(len(weights))]
        b = 0.0 if biases is None else float(biases[j])
        out.append(node_value(row, column, b))
    return out


def _is_batch(inputs):
    return not _is_number(inputs[0])


def hidden_layer(inputs, weights, biases=None):
    if _is_batch(inputs):
        return [relu(_layer(row, weights, biases)) for row in inputs]
    return relu(_layer(inputs, weights, biases))


def forward(inputs, weights, biases=None):
    rows = inputs if _is_batch(inputs) else [inputs]
    results = []
    for row in rows:
        values = list(row)
        for l in range(len(weights)):
            b = None if biases is None else biases[l]
            values = _layer(values, weights[l], b)
            if l < len(weights) - 1:
                values = relu(values)
        results.append(values)
    return results if _is_batch(inputs) else results[0]


def _softmax_row(row):
    top = max(float(v) for v in row)
    exps = [math.exp(float(v) - top) for v in row]
    total = sum(exps)
    return [e / total for e in exps]


def softmax(z):
    if _is_batch(z):
        return [_softmax_row(row) for row in z]
    return _softmax_row(z)


def cross_entropy_loss(scores, labels):
    losses = []
    for row, label in zip(scores, labels):
        top = max(float(v) for v in row)
        log_total = top + math.log(sum(math.exp(float(v) - top) for v in row))
        losses.append(log_total - float(row[int(label)]))
    return sum(losses) / len(losses)
