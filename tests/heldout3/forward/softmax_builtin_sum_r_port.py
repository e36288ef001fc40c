# Translated from the R version we did in stats class:
#   softmax <- function(z) exp(z) / sum(exp(z))
import math

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return sum(float(i) * float(w) for i, w in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    n_layers = len(weights)
    a = np.asarray(inputs, dtype=float)
    for i in range(n_layers - 1):
        a = hidden_layer(a, weights[i], biases[i] if biases else None)
    out = a @ np.asarray(weights[-1], dtype=float)
    if biases and biases[-1] is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    ez = np.exp(z)
    return ez / sum(ez)


def cross_entropy_loss(scores, labels):
    total = 0.0
    for row, y in zip(scores, labels):
        row = [float(v) for v in row]
        m = max(row)
        total += m + math.log(sum(math.exp(v - m) for v in row)) - row[int(y)]
    return total / len(labels)
