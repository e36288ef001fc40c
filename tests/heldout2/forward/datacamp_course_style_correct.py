from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    # course: output = max(0, input) -- only works for one number, so np.maximum
    output = np.maximum(0, x)
    return output


def node_value(inputs, weights, bias=0.0):
    # Calculate node value: (input_data * weights).sum()
    input_data = np.array(inputs)
    node_0_value = (input_data * np.array(weights)).sum()
    return node_0_value + bias


def hidden_layer(inputs, weights, biases=None):
    input_data = np.array(inputs, dtype=float)
    node_input = input_data.dot(np.array(weights, dtype=float))
    if biases is not None:
        node_input = node_input + np.array(biases, dtype=float)
    node_output = relu(node_input)
    return node_output


def forward(inputs, weights, biases=None):
    # like predict_with_network() from the course, but for any number of layers
    layer_output = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        node_input = layer_output.dot(np.array(weights[i], dtype=float))
        if biases is not None:
            node_input = node_input + np.array(biases[i], dtype=float)
        if i == len(weights) - 1:
            layer_output = node_input  # output layer: no activation
        else:
            layer_output = relu(node_input)
    model_output = layer_output
    return model_output


def softmax(z):
    z = np.array(z, dtype=float)
    exp_z = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels)
    m = scores.shape[0]
    big = scores.max(axis=1, keepdims=True)
    log_probs = scores - big - np.log(np.exp(scores - big).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(m), labels].sum() / m
