from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float((np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)).sum() + bias)


def hidden_layer(inputs, weights, biases=None):
    H = np.matmul(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        H = H + np.asarray(biases, dtype=float)
    return relu(H)


def forward(inputs, weights, biases=None):
    H = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        H = np.matmul(H, np.asarray(W, dtype=float))
        if biases is not None:
            H = H + np.asarray(biases[i], dtype=float)
        if i != len(weights) - 1:
            H = relu(H)
    return H


def softmax(X):
    # as in d2l: X_exp = exp(X); partition = X_exp.sum(1, keepdims=True)
    X = np.asarray(X, dtype=float)
    X_exp = np.exp(X)
    partition = X_exp.sum(axis=-1, keepdims=True)
    return X_exp / partition  # The broadcasting mechanism is applied here


def cross_entropy_loss(scores, labels):
    # log-sum-exp trick for the loss itself
    s = np.asarray(scores, dtype=float)
    c = s.max(axis=1)
    lse = c + np.log(np.exp(s - c[:, None]).sum(axis=1))
    y = np.asarray(labels)
    return float((lse - s[np.arange(len(y)), y]).mean())
