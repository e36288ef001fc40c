from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    output = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        output = output + np.array(biases, dtype=float)
    return relu(output)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    output = np.array(inputs, dtype=float)
    for w, b in zip(weights[:-1], biases[:-1]):
        output = hidden_layer(output, w, b)
    output = np.dot(output, np.array(weights[-1], dtype=float))
    if biases[-1] is not None:
        output = output + np.array(biases[-1], dtype=float)
    return output


def softmax(z):
    inputs = np.array(z, dtype=float)
    exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
    return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    y_pred = softmax(scores)
    y_true = np.array(labels)
    samples = len(y_pred)
    # Clip data to prevent division by 0
    # Clip both sides to not drag mean towards any value
    y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
    correct_confidences = y_pred_clipped[range(samples), y_true]
    negative_log_likelihoods = -np.log(correct_confidences)
    return float(np.mean(negative_log_likelihoods))
