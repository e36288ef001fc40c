from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


# helpers from Grokking Deep Learning, chapter 3
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
    return float(w_sum(list(inputs), list(weights)) + bias)


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
    layer = np.asarray(inputs, dtype=float)
    for i in range(len(weights) - 1):
        layer = hidden_layer(layer, weights[i], None if biases is None else biases[i])
    out = layer @ np.asarray(weights[-1], dtype=float)
    if biases is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(lp)), np.asarray(labels, dtype=int)].mean())
