from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # like the course: node_0_input = (input_data * weights['node_0']).sum()
    #                  node_0_output = relu(node_0_input)
    node_input = (np.array(inputs) * np.array(weights)).sum() + bias
    node_output = relu(node_input)
    return float(node_output)


def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    layer_input = np.matmul(inputs, weights)
    if biases is not None:
        layer_input = layer_input + biases
    return relu(layer_input)


def forward(inputs, weights, biases=None):
    output = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        layer_input = np.matmul(output, np.array(weights[i], dtype=float))
        if biases is not None:
            layer_input = layer_input + np.array(biases[i])
        # output layer has no activation
        output = relu(layer_input) if i < len(weights) - 1 else layer_input
    return output


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.array(scores, dtype=float)
    z = z - np.max(z, axis=1, keepdims=True)
    log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    rows = np.arange(len(z))
    return float(-np.mean(log_p[rows, labels]))


if __name__ == "__main__":
    print(node_value([2, 3], [1, 1]), node_value([2, 3], [-1, 1]))
