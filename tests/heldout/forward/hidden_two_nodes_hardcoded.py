"""forward.py -- my answers for the forward propagation exercises.

Following the Intro to Deep Learning in Python videos (bank example).
"""

import numpy as np


def relu(x):
    # Calculate the value for the output of the relu function: output
    output = np.maximum(0, x)

    # Return the value just calculated
    return(output)


def node_value(inputs, weights, bias=0.0):
    # Calculate node value: dot product plus bias
    value = np.dot(np.array(inputs), np.array(weights)) + bias
    return(value)


def hidden_layer(inputs, weights, biases=None):
    weights = np.array(weights)
    b = [0, 0] if biases is None else biases
    # Calculate node 0 value
    node_0_input = (np.array(inputs) * weights[:, 0]).sum() + b[0]
    node_0_output = relu(node_0_input)
    # Calculate node 1 value
    node_1_input = (np.array(inputs) * weights[:, 1]).sum() + b[1]
    node_1_output = relu(node_1_input)
    # Put node values into array: hidden_layer_outputs
    hidden_layer_outputs = np.array([node_0_output, node_1_output])
    return(hidden_layer_outputs)


def forward(inputs, weights, biases=None):
    layer_values = np.array(inputs, dtype=float)
    n_layers = len(weights)
    for i in range(n_layers):
        node_inputs = np.dot(layer_values, np.array(weights[i]))
        if biases is not None:
            node_inputs = node_inputs + np.array(biases[i])
        if i < n_layers - 1:
            layer_values = relu(node_inputs)
        else:
            layer_values = node_inputs
    return(layer_values)


def softmax(z):
    scores = np.array(z, dtype=float)
    # subtract the max so exp does not overflow
    exp_scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return(exp_scores / exp_scores.sum(axis=-1, keepdims=True))


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n_examples = scores.shape[0]
    losses = -log_probs[np.arange(n_examples), labels]
    return(losses.mean())
