from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs, dtype=float) * np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    output = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        output = output + np.asarray(biases, dtype=float)
    return relu(output)


def forward(inputs, weights, biases=None):
    output = np.asarray(inputs, dtype=float)
    for layer in range(len(weights)):
        output = np.dot(output, np.asarray(weights[layer], dtype=float))
        if biases is not None:
            output = output + np.asarray(biases[layer], dtype=float)
        if layer != len(weights) - 1:
            output = relu(output)
    return output


def softmax(z):
    exp_values = np.exp(np.asarray(z, dtype=float) - np.max(z, axis=-1, keepdims=True))
    return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    y_pred = np.atleast_2d(np.asarray(scores, dtype=float))
    shifted = y_pred - np.max(y_pred, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    correct_confidences = log_probs[:, labels]
    negative_log_likelihoods = -correct_confidences
    return float(np.mean(negative_log_likelihoods))
