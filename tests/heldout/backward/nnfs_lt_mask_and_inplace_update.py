"""Backpropagation exercises: fill in the five functions below.

Conventions (the same as forward propagation's): examples are rows, inputs have
shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
class indices, shape (m,). No function may modify its arguments.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)

def relu_grad(z):
    # ReLU derivative: copy so we don't change the caller's array
    z = np.array(z, dtype=float)
    dinputs = np.ones_like(z)
    # Zero gradient where input values were negative
    dinputs[z < 0] = 0
    return dinputs


def softmax_cross_entropy_grad(scores, labels):
    # Number of samples
    samples = len(scores)
    dinputs = softmax(scores).copy()
    # Calculate gradient
    dinputs[range(samples), labels] -= 1
    # Normalize gradient
    dinputs = dinputs / samples
    return dinputs


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    dvalues = np.array(grad_out, dtype=float)
    # Gradients on parameters
    dweights = np.dot(inputs.T, dvalues)
    dbiases = np.sum(dvalues, axis=0)
    # Gradient on values
    dinputs = np.dot(dvalues, weights.T)
    return dinputs, dweights, dbiases


def backward(inputs, weights, biases, labels):
    # forward pass, remember every layer's input and output
    layer_inputs = []
    layer_outputs = []
    x = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        layer_inputs.append(x)
        output = np.dot(x, weights[i]) + biases[i]
        layer_outputs.append(output)
        x = np.maximum(0, output)

    # backward pass
    dvalues = softmax_cross_entropy_grad(layer_outputs[-1], labels)
    dweights = [None] * len(weights)
    dbiases = [None] * len(weights)
    for i in reversed(range(len(weights))):
        dinputs, dweights[i], dbiases[i] = dense_backward(layer_inputs[i], weights[i], dvalues)
        if i > 0:
            dvalues = dinputs * relu_grad(layer_outputs[i - 1])
    return dweights, dbiases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    for layer in range(len(weights)):
        weights[layer] += -learning_rate * grad_weights[layer]
        biases[layer] += -learning_rate * grad_biases[layer]
    return weights, biases
