from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.matmul(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.matmul(np.asarray(inputs, float), np.asarray(weights, float))
    return relu(z if biases is None else z + np.asarray(biases, float))


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, float)
    for l, W in enumerate(weights):
        z = np.matmul(a, np.asarray(W, float))
        if biases is not None:
            z = z + np.asarray(biases[l], float)
        a = z if l == len(weights) - 1 else relu(z)
    return a


def softmax(z):
    z = np.asarray(z, float)
    ex = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return ex / ex.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    probs = softmax(scores)
    # pick the probability of the right class
    correct = probs[:, labels]
    return float(-np.mean(np.log(correct)))
