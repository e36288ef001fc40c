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
    # "relu_prime", like sigmoid_prime in Nielsen's network.py
    z = np.array(z, dtype=float)
    out = np.zeros(z.shape)
    out[z > 0] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    scores = np.array(scores, dtype=float)
    m, n = scores.shape
    y = np.zeros((m, n))
    for i, lab in enumerate(labels):
        y[i, int(lab)] = 1.0
    return (softmax(scores) - y) / m


def dense_backward(inputs, weights, grad_out):
    # Nielsen's book keeps activations as columns; I work with the transposes:
    # nabla_w = delta . a^T  becomes  a^T . delta  for row examples
    a = np.array(inputs, dtype=float)
    w = np.array(weights, dtype=float)
    delta = np.array(grad_out, dtype=float)
    nabla_b = delta.sum(axis=0)
    nabla_w = np.dot(a.T, delta)
    delta_prev = np.dot(w, delta.T).T
    return delta_prev, nabla_w, nabla_b


def backward(inputs, weights, biases, labels):
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    # feedforward
    activation = np.array(inputs, dtype=float)
    activations = [activation]  # list to store all the activations, layer by layer
    zs = []  # list to store all the z vectors, layer by layer
    for b, w in zip(biases, weights):
        z = np.dot(activation, w) + b
        zs.append(z)
        activation = np.maximum(z, 0)
        activations.append(activation)
    # backward pass
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    nabla_b[-1] = delta.sum(axis=0)
    nabla_w[-1] = np.dot(activations[-2].T, delta)
    for l in range(2, len(weights) + 1):
        z = zs[-l]
        sp = relu_grad(z)
        delta = np.dot(delta, weights[-l + 1].T) * sp
        nabla_b[-l] = delta.sum(axis=0)
        nabla_w[-l] = np.dot(activations[-l - 1].T, delta)
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    eta = learning_rate
    weights = [w - eta * nw for w, nw in zip(weights, grad_weights)]
    biases = [b - eta * nb for b, nb in zip(biases, grad_biases)]
    return weights, biases
