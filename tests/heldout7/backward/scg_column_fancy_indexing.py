"""Backpropagation exercises: fill in the five functions below.

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
    return np.array(np.asarray(z) > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores."""
    grad = softmax(scores)
    m = grad.shape[0]
    grad[:, labels] -= 1   # subtract one at the correct class
    return grad / m


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = np.dot(grad_out, weights.T)
    grad_weights = np.dot(inputs.T, grad_out)
    grad_biases = np.sum(grad_out, axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    layer_inputs = []
    pre_acts = []
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        layer_inputs.append(a)
        z = np.dot(a, weights[i]) + biases[i]
        pre_acts.append(z)
        a = np.maximum(0, z)
    grad = softmax_cross_entropy_grad(pre_acts[-1], labels)
    grad_weights = [None] * len(weights)
    grad_biases = [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        grad, grad_weights[i], grad_biases[i] = dense_backward(layer_inputs[i], weights[i], grad)
        if i > 0:
            grad = grad * relu_grad(pre_acts[i - 1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    new_weights = [weights[i] - learning_rate * grad_weights[i] for i in range(len(weights))]
    new_biases = [biases[i] - learning_rate * grad_biases[i] for i in range(len(biases))]
    return new_weights, new_biases
