from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    h = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        h = h + np.asarray(biases, dtype=float)
    return relu(h)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        h = np.dot(h, np.asarray(weights[i], dtype=float))
        if biases is not None:
            h = h + np.asarray(biases[i], dtype=float)
        if i < len(weights) - 1:
            h = relu(h)
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    exp_scores = np.exp(z - np.max(z, axis=-1, keepdims=True))
    probs = exp_scores / np.sum(exp_scores, axis=-1, keepdims=True)
    print "probs:", probs
    return probs


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.mean(log_probs[range(scores.shape[0]), labels]))
