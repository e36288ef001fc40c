from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(input):
    '''Define your relu activation function here'''
    # Calculate the value for the output of the relu function: output
    output = max(0, input)
    # Return the value just calculated
    return(output)


def node_value(inputs, weights, bias=0.0):
    input_data = np.array(inputs, dtype=float)
    node_input = (input_data * np.array(weights, dtype=float)).sum()
    return float(node_input + bias)


def hidden_layer(inputs, weights, biases=None):
    input_data = np.array(inputs, dtype=float)
    hidden_input = input_data @ np.array(weights, dtype=float)
    if biases is not None:
        hidden_input = hidden_input + np.array(biases, dtype=float)
    # relu() above only takes one number, so do the whole layer at once here
    return np.maximum(hidden_input, 0)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    values = np.array(inputs, dtype=float)
    for i in range(len(weights) - 1):
        values = hidden_layer(values, weights[i], biases[i])
    model_output = values @ np.array(weights[-1], dtype=float)
    if biases[-1] is not None:
        model_output = model_output + np.array(biases[-1], dtype=float)
    return model_output


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=int)
    z = scores - scores.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())


print(relu(3), relu(-3))
