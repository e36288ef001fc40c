from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.multiply(inputs, weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    b = np.zeros(W.shape[1]) if biases is None else np.asarray(biases, dtype=float)
    h = X.dot(W) + b
    return relu(h)


def forward(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    squeeze = X.ndim == 1
    X = np.atleast_2d(X)
    num_layers = len(weights)
    if biases is None:
        biases = [np.zeros(np.shape(W)[1]) for W in weights]
    h = X
    for i in range(num_layers - 1):
        h = hidden_layer(h, weights[i], biases[i])
    scores = h.dot(np.asarray(weights[-1], dtype=float)) + np.asarray(biases[-1], dtype=float)
    if squeeze:
        scores = scores[0]
    return scores


def softmax(z):
    z = np.asarray(z, dtype=float)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    exp_scores = np.exp(shifted)
    probs = exp_scores / np.sum(exp_scores, axis=-1, keepdims=True)
    return probs


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    y = np.asarray(labels)
    num_train = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    loss = -np.sum(log_probs[np.arange(num_train), y])
    loss /= num_train
    return float(loss)
