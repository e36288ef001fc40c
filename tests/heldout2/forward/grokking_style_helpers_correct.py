# Forward propagation -- homework
# following "Grokking Deep Learning" ch. 3: w_sum / vect_mat_mul helpers first,
# then numpy once the loops work.

from __future__ import annotations

import numpy as np


def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(len(a)):
        output += a[i] * b[i]
    return output


def vect_mat_mul(vect, matrix):
    # matrix is (n_in, n_out): column j holds the weights into node j
    matrix = np.asarray(matrix, dtype=float)
    output = np.zeros(matrix.shape[1])
    for j in range(matrix.shape[1]):
        output[j] = w_sum(vect, matrix[:, j])
    return output


def relu(x):
    # (x > 0) * x from the book only works on arrays, so convert first
    arr = np.asarray(x)
    out = (arr > 0) * arr
    if out.ndim == 0:
        return out[()]
    return out


def node_value(inputs, weights, bias=0.0):
    return w_sum(list(inputs), list(weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    inputs = np.asarray(inputs, dtype=float)
    if inputs.ndim == 1:
        z = vect_mat_mul(inputs, weights)
    else:
        z = np.array([vect_mat_mul(row, weights) for row in inputs])
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    layer = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        layer = hidden_layer(layer, W, b)
    # output layer: no relu, predictions may be negative
    if layer.ndim == 1:
        out = vect_mat_mul(layer, weights[-1])
    else:
        out = np.array([vect_mat_mul(row, weights[-1]) for row in layer])
    if biases[-1] is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        exps = np.exp(z - np.max(z))
        return exps / np.sum(exps)
    return np.array([softmax(row) for row in z])


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    total = 0.0
    for row, label in zip(scores, labels):
        shifted = row - np.max(row)
        total += np.log(np.sum(np.exp(shifted))) - shifted[label]
    return total / len(scores)
