"""Forward-propagation exercises: fill in the six functions below.

Conventions used throughout:
examples are rows; a layer's weight matrix has shape (n_in, n_out) and its
column j holds the weights into node j; biases have shape (n_out,) and are
broadcast over the rows; a single data point may be given as a 1-D array.
No function may modify its arguments.

Check your work with:  grade forward.py
"""

from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    """Apply the rectified linear activation, max(0, x), elementwise."""
    # max(0, input) from the video only works for one number, so use np.maximum
    output = np.maximum(0, x)
    return output


def node_value(inputs, weights, bias=0.0):
    """Return one node's value: sum of inputs[i] * weights[i], plus bias."""
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    node_input = (inputs * weights).sum()
    return float(node_input + bias)


def hidden_layer(inputs, weights, biases=None):
    """Return a hidden layer's values: relu(inputs @ weights + biases)."""
    input_data = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    layer_input = np.dot(input_data, weights)
    if biases is not None:
        layer_input = layer_input + np.array(biases, dtype=float)
    layer_output = relu(layer_input)
    return layer_output


def forward(inputs, weights, biases=None):
    """Forward-propagate inputs through a network of L layers."""
    n_layers = len(weights)
    if biases is None:
        biases = [None] * n_layers
    layer_values = np.array(inputs, dtype=float)
    # hidden layers
    for i in range(n_layers - 1):
        layer_values = hidden_layer(layer_values, weights[i], biases[i])
    # output layer: no relu!
    model_output = np.dot(layer_values, np.array(weights[-1], dtype=float))
    if biases[-1] is not None:
        model_output = model_output + np.array(biases[-1], dtype=float)
    return model_output


def softmax(z):
    """Turn raw scores into probabilities along the last axis."""
    z = np.array(z, dtype=float)
    z_max = np.max(z, axis=-1, keepdims=True)
    e = np.exp(z - z_max)
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    """Return the mean cross-entropy loss of raw scores against class labels."""
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=int)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    losses = -log_probs[np.arange(scores.shape[0]), labels]
    return float(np.mean(losses))
