"""forward.py -- my answers for the forward propagation exercises.

Following the Intro to Deep Learning in Python videos (bank example).
"""

import numpy as np


def relu(input):
    # Calculate the value for the output of the relu function: output
    output = np.where(np.array(input) > 0, input, 0)
    # Return the value just calculated
    return(output)


def node_value(inputs, weights, bias=0.0):
    input_data = np.array(inputs)
    node_weights = np.array(weights)
    # Calculate node value: multiply - add
    value = (input_data * node_weights).sum() + bias
    return(value)


def hidden_layer(inputs, weights, biases=None):
    weights = np.array(weights)
    # Calculate node 0 value
    node_0_input = (np.array(inputs) * weights[:, 0]).sum()
    node_0_output = relu(node_0_input)
    # Calculate node 1 value
    node_1_input = (np.array(inputs) * weights[:, 1]).sum()
    node_1_output = relu(node_1_input)
    if biases is not None:
        node_0_output = relu(node_0_input + biases[0])
        node_1_output = relu(node_1_input + biases[1])
    # Put node values into array: hidden_layer_outputs
    hidden_layer_outputs = np.array([node_0_output, node_1_output])
    return(hidden_layer_outputs)


def forward(inputs, weights, biases=None):
    # Calculate hidden layer values
    hidden_layer_outputs = hidden_layer(inputs, weights[0], None if biases is None else biases[0])
    # Calculate model output
    model_output = (hidden_layer_outputs * np.array(weights[1])[:, 0]).sum()
    if biases is not None:
        model_output = model_output + biases[1][0]
    # Return model output
    return(model_output)


def softmax(z):
    scores = np.array(z, dtype=float)
    # subtract the max so exp does not overflow
    exp_scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return(exp_scores / exp_scores.sum(axis=-1, keepdims=True))


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    # Create empty list to store the loss of every example
    losses = []
    for row, label in zip(scores, labels):
        biggest = row.max()
        log_sum = biggest + np.log(np.exp(row - biggest).sum())
        losses.append(log_sum - row[label])
    return(np.mean(losses))
