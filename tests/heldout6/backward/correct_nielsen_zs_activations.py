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


# backprop in the style of Nielsen's network.py (but rows = examples, ReLU, softmax)


def relu_grad(z):
    """Derivative of the ReLU function."""
    return 1.0 * (np.asarray(z) > 0)


def softmax_cross_entropy_grad(scores, labels):
    a = softmax(scores)
    y = np.zeros_like(a)
    for i, label in enumerate(labels):
        y[i][int(label)] = 1.0
    return (a - y) / len(a)


def dense_backward(inputs, weights, grad_out):
    activation = np.array(inputs, dtype=float)
    w = np.array(weights, dtype=float)
    delta = np.array(grad_out, dtype=float)
    nabla_w = np.dot(activation.transpose(), delta)
    nabla_b = delta.sum(0)
    return np.dot(delta, w.transpose()), nabla_w, nabla_b


def backward(inputs, weights, biases, labels):
    num_layers = len(weights) + 1
    activation = np.array(inputs, dtype=float)
    activations = [activation]  # list to store all the activations, layer by layer
    zs = []  # list to store all the z vectors, layer by layer
    for b, w in zip(biases, weights):
        z = np.dot(activation, w) + b
        zs.append(z)
        activation = np.maximum(z, 0.0)
        activations.append(activation)
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    nabla_b[-1] = delta.sum(0)
    nabla_w[-1] = np.dot(activations[-2].transpose(), delta)
    # l = 1 means the last layer of neurons, l = 2 is the second-last layer, and so on
    for l in range(2, num_layers):
        z = zs[-l]
        sp = relu_grad(z)
        delta = np.dot(delta, weights[-l + 1].transpose()) * sp
        nabla_b[-l] = delta.sum(0)
        nabla_w[-l] = np.dot(activations[-l - 1].transpose(), delta)
    return (nabla_w, nabla_b)


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    eta = learning_rate
    new_weights = [w - eta * nw for w, nw in zip(weights, grad_weights)]
    new_biases = [b - eta * nb for b, nb in zip(biases, grad_biases)]
    return new_weights, new_biases
