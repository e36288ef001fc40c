from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.vdot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    return relu(z) if biases is None else relu(z + np.asarray(biases, dtype=float))


def forward(inputs, weights, biases=None):
    # relu between the layers: the output layer stays linear because the
    # activation is applied to what goes *into* each layer
    a = np.asarray(inputs, dtype=float)
    for l, W in enumerate(weights):
        a = relu(a) @ np.asarray(W, dtype=float)
        if biases is not None:
            a = a + np.asarray(biases[l], dtype=float)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    # total loss of the batch
    return float(-np.sum(log_probs[np.arange(len(z)), labels]))
