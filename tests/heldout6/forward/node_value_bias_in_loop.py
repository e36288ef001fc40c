from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    total = 0
    for x, w in zip(inputs, weights):
        total += x * w + bias      # weighted input plus bias
    return float(total)


def hidden_layer(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    b = np.zeros(W.shape[1]) if biases is None else np.asarray(biases, dtype=float)
    return relu(X @ W + b)


def forward(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        W = np.asarray(weights[i], dtype=float)
        b = np.zeros(W.shape[1]) if biases is None else np.asarray(biases[i], dtype=float)
        X = X @ W + b
        if i != len(weights) - 1:
            X = relu(X)
    return X


def softmax(z):
    z = np.asarray(z, dtype=float)
    exp_z = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exp_z / np.sum(exp_z, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    mx = np.max(scores, axis=1, keepdims=True)
    logsumexp = mx[:, 0] + np.log(np.sum(np.exp(scores - mx), axis=1))
    return float(np.mean(logsumexp - scores[np.arange(len(labels)), labels]))
