# Classifier network from the information-theory course: outputs are probabilities,
# entropy is measured in bits.
import math

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        a = hidden_layer(a, W, b)
    logits = a @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        logits = logits + np.asarray(biases[-1], dtype=float)
    return softmax(logits)


def cross_entropy_loss(scores, labels):
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    total = 0.0
    for row, y in zip(scores, labels):
        shifted = row - row.max()
        log_p = shifted[int(y)] - math.log(np.exp(shifted).sum())
        total += -log_p / math.log(2)
    return total / len(scores)
