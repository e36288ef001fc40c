from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.array(inputs, dtype=float) * np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    layer_outputs = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        layer_outputs = layer_outputs + np.array(biases, dtype=float)
    return relu(layer_outputs)


def forward(inputs, weights, biases=None):
    layer_outputs = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        layer_outputs = np.dot(layer_outputs, np.array(weights[i], dtype=float))
        if biases is not None:
            layer_outputs = layer_outputs + np.array(biases[i], dtype=float)
        if i < len(weights) - 1:
            layer_outputs = relu(layer_outputs)
    return layer_outputs


def softmax(z):
    layer_outputs = np.array(z, dtype=float)
    exp_values = np.exp(layer_outputs - np.max(layer_outputs))
    norm_values = exp_values / np.sum(exp_values)
    return norm_values


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - np.max(s, axis=1, keepdims=True)
    log_probs = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.mean(log_probs[range(len(s)), np.array(labels, dtype=int)]))


# test cell
print(forward(input_data, weights))
print(softmax(layer_outputs))
