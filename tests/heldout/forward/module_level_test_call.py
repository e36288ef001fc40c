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
    input_data = np.array(inputs)
    layer_weights = np.array(weights)
    # every column of the weights is one node
    node_inputs = np.dot(input_data, layer_weights)
    if biases is not None:
        node_inputs = node_inputs + np.array(biases)
    # Calculate node outputs with relu
    node_outputs = relu(node_inputs)
    return(node_outputs)


def forward(inputs, weights, biases=None):
    layer_values = np.array(inputs)
    n_layers = len(weights)
    for i in range(n_layers):
        layer_weights = np.array(weights[i])
        layer_bias = None if biases is None else biases[i]
        if i < n_layers - 1:
            layer_values = hidden_layer(layer_values, layer_weights, layer_bias)
        else:
            # Calculate model output (no relu here, the output is linear)
            layer_values = np.dot(layer_values, layer_weights)
            if layer_bias is not None:
                layer_values = layer_values + np.array(layer_bias)
    model_output = layer_values
    # Return model output
    return(model_output)


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


# check against the course
print(forward(input_data, weights))
