from __future__ import annotations

import numpy as np


def relu(x):
    return np.clip(x, 0, None)


def node_value(inputs, weights, bias=0.0):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    return (inputs * weights).sum() + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    b = 0 if biases is None else np.array(biases, dtype=float)
    return relu(X.dot(W) + b)


def forward(inputs, weights, biases=None):
    h = np.array(inputs, dtype=float)
    nl = len(weights)
    for i in range(nl - 1):
        h = hidden_layer(h, weights[i], None if biases is None else biases[i])
    scores = h.dot(np.array(weights[nl - 1], dtype=float))
    if biases is not None:
        scores += biases[nl - 1]
    return scores


def softmax(z):
    f = np.array(z, dtype=float)
    f -= np.max(f, axis=-1, keepdims=True)  # shift for numeric stability (on a copy)
    p = np.exp(f)
    p /= np.sum(p, axis=-1, keepdims=True)
    return p


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    y = np.array(labels)
    num_train = scores.shape[0]
    scores -= np.max(scores, axis=1, keepdims=True)
    log_sum = np.log(np.sum(np.exp(scores), axis=1))
    correct = scores[np.arange(num_train), y]
    loss = np.sum(log_sum - correct)
    loss /= num_train
    return loss
