# Forward pass pieces, following Neural Networks from Scratch (ch. 4-5)
from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    output = 0.0
    for n_input, weight in zip(inputs, weights):
        output += n_input * weight
    output += bias
    return output


def hidden_layer(inputs, weights, biases=None):
    output = np.dot(inputs, weights)
    if biases is not None:
        output = output + np.array(biases)
    return relu(output)


def forward(inputs, weights, biases=None):
    output = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        output = np.dot(output, weights[i])
        if biases is not None:
            output = output + biases[i]
        if i < len(weights) - 1:
            output = relu(output)
    return output


def softmax(z):
    z = np.array(z, dtype=float)
    exp_values = np.exp(z - np.max(z, axis=-1, keepdims=True))
    probabilities = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
    return probabilities


def cross_entropy_loss(scores, labels):
    y_pred = softmax(scores)
    samples = len(y_pred)
    # Clip data to prevent division by 0
    # Clip both sides to not drag mean towards any value
    y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
    correct_confidences = y_pred_clipped[range(samples), labels]
    negative_log_likelihoods = -np.log(correct_confidences)
    return float(np.mean(negative_log_likelihoods))
