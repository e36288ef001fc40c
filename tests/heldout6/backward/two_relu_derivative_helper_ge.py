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


def relu_derivative(x):
    # slope of max(0, x): 1 on the right side including the corner
    return np.greater_equal(x, 0).astype(float)


def relu_grad(z):
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape."""
    return relu_derivative(np.asarray(z, dtype=float))


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores."""
    p = softmax(scores)
    m = p.shape[0]
    t = np.zeros_like(p)
    t[np.arange(m), labels] = 1
    return (p - t) / m


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    a = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g.dot(w.T), a.T.dot(g), g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    a = np.asarray(inputs, dtype=float)
    inputs_per_layer, z_per_layer = [], []
    for w, b in zip(weights, biases):
        inputs_per_layer.append(a)
        z = a.dot(w) + b
        z_per_layer.append(z)
        a = np.maximum(z, 0)
    g = softmax_cross_entropy_grad(z_per_layer[-1], labels)
    gw, gb = [], []
    for i in range(len(weights) - 1, -1, -1):
        g_in, dw, db = dense_backward(inputs_per_layer[i], weights[i], g)
        gw.insert(0, dw)
        gb.insert(0, db)
        if i > 0:
            g = g_in * relu_derivative(z_per_layer[i - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    return ([w - learning_rate * d for w, d in zip(weights, grad_weights)],
            [b - learning_rate * d for b, d in zip(biases, grad_biases)])
