# Forward propagation -- Intro to Deep Learning, chapter 1
from __future__ import annotations

import numpy as np


def relu(input):
    # same as the course but works on whole arrays
    output = np.maximum(input, 0)
    return output


def node_value(inputs, weights, bias=0.0):
    input_data = np.array(inputs, dtype=float)
    node_input = (input_data * np.array(weights, dtype=float)).sum()
    return float(node_input + bias)


def hidden_layer(inputs, weights, biases=None):
    input_data = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    layer_input = input_data.dot(weights)
    if biases is not None:
        layer_input = layer_input + np.array(biases, dtype=float)
    layer_output = relu(layer_input)
    return layer_output


def forward(inputs, weights, biases=None):
    hidden = np.array(inputs, dtype=float)
    n_layers = len(weights)
    for i in range(n_layers - 1):
        layer_biases = biases[i] if biases is not None else None
        hidden = hidden_layer(hidden, weights[i], layer_biases)
    # output layer: no activation, so the prediction can be negative
    model_output = hidden.dot(np.array(weights[-1], dtype=float))
    if biases is not None:
        model_output = model_output + np.array(biases[-1], dtype=float)
    return model_output


def softmax(z):
    scores = np.array(z, dtype=float)
    scores = scores - scores.max(axis=-1, keepdims=True)
    exp_scores = np.exp(scores)
    return exp_scores / exp_scores.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=int)
    scores = scores - scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    losses = -log_probs[np.arange(scores.shape[0]), labels]
    return float(losses.mean())


# input_data = np.array([3, 5])
# weights = [np.array([[2, 4], [4, -5]]), np.array([[-1, 1], [2, 2]]), np.array([[2], [7]])]
# print(forward(input_data, weights))  # [182.]
