from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    # input -> hidden -> output
    W1, W2 = weights[0], weights[-1]
    b1 = None if biases is None else biases[0]
    h = hidden_layer(inputs, W1, b1)
    y = np.dot(h, W2)
    if biases is not None:
        y = y + biases[-1]
    return y


def softmax(z):
    z = np.array(z, dtype=float)
    z -= np.max(z, axis=1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    m = scores.shape[0]
    return float(-log_probs[np.arange(m), labels].mean())
