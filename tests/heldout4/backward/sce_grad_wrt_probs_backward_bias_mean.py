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
    return (np.asarray(z, dtype=float) > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores."""
    # L = -sum(y * log(p))  =>  dL/dp = -y / p
    p = softmax(scores)
    m = p.shape[0]
    y = np.zeros_like(p)
    y[np.arange(m), labels] = 1.0
    return -(y / p) / m


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    x = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for w, b in zip(weights, biases):
        xs.append(x)
        zs.append(x @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float))
        x = np.maximum(zs[-1], 0)
    p = softmax(zs[-1])
    m = p.shape[0]
    p[np.arange(m), labels] -= 1
    dz = p / m
    gw, gb = [None] * len(weights), [None] * len(weights)
    for i in reversed(range(len(weights))):
        gw[i] = xs[i].T @ dz
        gb[i] = dz.mean(axis=0)      # average the bias gradient over the batch
        if i > 0:
            dz = (dz @ np.asarray(weights[i], dtype=float).T) * relu_grad(zs[i - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    new_weights = [np.asarray(w, dtype=float) - learning_rate * np.asarray(g) for w, g in zip(weights, grad_weights)]
    new_biases = [np.asarray(b, dtype=float) - learning_rate * np.asarray(g) for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
