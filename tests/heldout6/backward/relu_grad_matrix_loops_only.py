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
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape."""
    z = np.array(z, dtype=float)
    rows, cols = z.shape
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            if z[i][j] > 0:
                out[i][j] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores."""
    probs = softmax(scores)
    m = probs.shape[0]
    for i in range(m):
        probs[i][labels[i]] -= 1.0
    return probs / m


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    grad_inputs = np.dot(grad_out, weights.T)
    grad_weights = np.dot(inputs.T, grad_out)
    grad_biases = np.sum(grad_out, axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    layer_inputs = []
    zs = []
    a = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        layer_inputs.append(a)
        z = np.dot(a, weights[i]) + biases[i]
        zs.append(z)
        a = np.maximum(z, 0)
    grad = softmax_cross_entropy_grad(zs[-1], labels)
    grad_weights = [None] * len(weights)
    grad_biases = [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        grad_in, grad_weights[i], grad_biases[i] = dense_backward(layer_inputs[i], weights[i], grad)
        if i > 0:
            grad = grad_in * relu_grad(zs[i - 1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    new_weights = []
    new_biases = []
    for i in range(len(weights)):
        new_weights.append(weights[i] - learning_rate * grad_weights[i])
        new_biases.append(biases[i] - learning_rate * grad_biases[i])
    return new_weights, new_biases
