# Forward propagation - following the DataCamp "Introduction to Deep Learning
# in Python" chapter 1 exercises (relu with max(), node values as dot products)
from __future__ import annotations

import numpy as np


def relu(input):
    '''Define your relu activation function here'''
    # Calculate the value for the output of the relu function: output
    output = max(0, input)

    # Return the value just calculated
    return(output)


def node_value(inputs, weights, bias=0.0):
    node_input = (np.array(inputs) * np.array(weights)).sum()
    return float(node_input + bias)


def hidden_layer(inputs, weights, biases=None):
    node_inputs = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        node_inputs = node_inputs + np.array(biases)
    # relu() above is for single numbers so use np.maximum for the whole layer
    return np.maximum(node_inputs, 0)


def forward(inputs, weights, biases=None):
    input_data = np.array(inputs, dtype=float)
    for i, w in enumerate(weights):
        node_inputs = input_data.dot(np.array(w, dtype=float))
        if biases is not None:
            node_inputs = node_inputs + biases[i]
        if i == len(weights) - 1:
            input_data = node_inputs
        else:
            input_data = np.maximum(node_inputs, 0)
    return input_data


def softmax(z):
    z = np.array(z, dtype=float)
    exp_z = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_softmax[np.arange(len(labels)), labels].mean())


# print(relu(3), relu(-3))
