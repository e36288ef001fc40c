"""Backprop, adapted from Michael Nielsen's network.py (chapter 2) to ReLU + softmax
and to rows-are-examples."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    """Derivative of the ReLU function (Nielsen calls his sigmoid_prime)."""
    return np.greater(z, 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    a = softmax(scores)
    y = np.eye(a.shape[1])[np.asarray(labels, dtype=int)]
    return (a - y) / a.shape[0]


def dense_backward(inputs, weights, grad_out):
    delta = np.array(grad_out, dtype=float)
    nabla_w = np.array(inputs, dtype=float).transpose().dot(delta)
    nabla_b = delta.sum(0)
    delta_prev = delta.dot(np.array(weights, dtype=float).transpose())
    return delta_prev, nabla_w, nabla_b


def backward(inputs, weights, biases, labels):
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    # feedforward
    activation = np.asarray(inputs, dtype=float)
    activations = [activation]  # list to store all the activations, layer by layer
    zs = []  # list to store all the z vectors, layer by layer
    for b, w in zip(biases, weights):
        z = np.dot(activation, w) + b
        zs.append(z)
        activation = relu(z)
        activations.append(activation)
    # backward pass (the last layer is linear: no relu there)
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    nabla_b[-1] = delta.sum(axis=0)
    nabla_w[-1] = np.dot(activations[-2].T, delta)
    num_layers = len(weights) + 1
    for l in range(2, num_layers):
        z = zs[-l]
        sp = relu_grad(z)
        delta = np.dot(delta, weights[-l + 1].T) * sp
        nabla_b[-l] = delta.sum(axis=0)
        nabla_w[-l] = np.dot(activations[-l - 1].T, delta)
    return (nabla_w, nabla_b)


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    eta = learning_rate
    new_weights = [w - eta * nw for w, nw in zip(weights, grad_weights)]
    new_biases = [b - eta * nb for b, nb in zip(biases, grad_biases)]
    return new_weights, new_biases
