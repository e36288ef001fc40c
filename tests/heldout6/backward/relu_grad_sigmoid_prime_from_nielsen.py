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


def sigmoid(z):
    """The sigmoid function."""
    return 1.0 / (1.0 + np.exp(-z))


def relu_grad(z):
    """Derivative of the activation (adapted from network.py's sigmoid_prime)."""
    z = np.asarray(z, dtype=float)
    return sigmoid(z) * (1 - sigmoid(z))


def softmax_cross_entropy_grad(scores, labels):
    a = softmax(scores)
    y = np.zeros(a.shape)
    y[np.arange(a.shape[0]), labels] = 1.0
    return (a - y) / a.shape[0]


def dense_backward(inputs, weights, grad_out):
    activation = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    delta = np.asarray(grad_out, dtype=float)
    return np.dot(delta, w.T), np.dot(activation.T, delta), delta.sum(axis=0)


def backward(inputs, weights, biases, labels):
    activation = np.asarray(inputs, dtype=float)
    activations = [activation]
    zs = []
    for b, w in zip(biases, weights):
        z = np.dot(activation, w) + b
        zs.append(z)
        activation = np.maximum(z, 0)
        activations.append(activation)
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    nabla_b[-1] = delta.sum(axis=0)
    nabla_w[-1] = np.dot(activations[-2].T, delta)
    for l in range(2, len(weights) + 1):
        delta = np.dot(delta, weights[-l + 1].T) * (zs[-l] > 0)
        nabla_b[-l] = delta.sum(axis=0)
        nabla_w[-l] = np.dot(activations[-l - 1].T, delta)
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    eta = learning_rate
    weights = [w - eta * nw for w, nw in zip(weights, grad_weights)]
    biases = [b - eta * nb for b, nb in zip(biases, grad_biases)]
    return weights, biases
