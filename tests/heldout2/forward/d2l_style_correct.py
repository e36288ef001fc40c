"""Forward-propagation exercises: fill in the six functions below.

Check your work with:  grade forward.py
"""

from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    # d2l: torch.max(X, torch.zeros_like(X)), in numpy
    X = np.asarray(x)
    return np.maximum(X, np.zeros_like(X))


def node_value(inputs, weights, bias=0.0):
    return np.sum(np.multiply(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    H = np.matmul(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        H += np.asarray(biases, dtype=float)
    return relu(H)


def net(X, params):
    *hidden, (W_out, b_out) = params
    for W, b in hidden:
        X = hidden_layer(X, W, b)
    O = np.matmul(X, np.asarray(W_out, dtype=float))
    return O if b_out is None else O + np.asarray(b_out, dtype=float)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None for _ in weights]
    params = list(zip(weights, biases))
    return net(np.asarray(inputs, dtype=float), params)


def softmax(z):
    X = np.asarray(z, dtype=float)
    X = X - X.max(axis=-1, keepdims=True)
    X_exp = np.exp(X)
    partition = X_exp.sum(axis=-1, keepdims=True)
    return X_exp / partition  # broadcasting


def cross_entropy_loss(scores, labels):
    y_hat = np.asarray(scores, dtype=float)
    y = np.asarray(labels)
    # log_softmax instead of log(softmax) so huge logits stay finite
    shifted = y_hat - y_hat.max(axis=1, keepdims=True)
    log_y_hat = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -log_y_hat[range(len(y_hat)), y].mean()
