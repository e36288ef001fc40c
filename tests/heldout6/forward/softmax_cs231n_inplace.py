from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    scores = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        scores = scores + np.asarray(biases, dtype=float)
    return relu(scores)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        h = h.dot(np.asarray(W, dtype=float))
        if biases is not None:
            h = h + np.asarray(biases[i], dtype=float)
        if i < len(weights) - 1:
            h = np.maximum(0, h)
    return h


def softmax(z):
    # cs231n notes: "shift the values of f so that the highest number is 0"
    f = np.asarray(z, dtype=float)
    f -= np.max(f)
    p = np.exp(f) / np.sum(np.exp(f), axis=-1, keepdims=True)
    return p


def cross_entropy_loss(scores, labels):
    f = np.array(scores, dtype=float)
    f -= np.max(f, axis=1, keepdims=True)
    num_train = f.shape[0]
    log_probs = f - np.log(np.sum(np.exp(f), axis=1, keepdims=True))
    loss = -np.sum(log_probs[np.arange(num_train), labels])
    loss /= num_train
    return float(loss)
