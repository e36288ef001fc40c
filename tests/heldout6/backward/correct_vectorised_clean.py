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
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores."""
    probs = softmax(scores)
    m = probs.shape[0]
    labels = np.asarray(labels, dtype=int)
    grad = probs.copy()
    grad[np.arange(m), labels] -= 1.0
    return grad / m


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    a = np.asarray(inputs, dtype=float)
    cache = []  # (input of the layer, z of the layer)
    for w, b in zip(weights, biases):
        z = a @ w + b
        cache.append((a, z))
        a = np.maximum(z, 0)
    dz = softmax_cross_entropy_grad(cache[-1][1], labels)
    dWs, dbs = [], []
    for i in range(len(weights) - 1, -1, -1):
        a_prev, _ = cache[i]
        da, dW, db = dense_backward(a_prev, weights[i], dz)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if i > 0:
            dz = da * relu_grad(cache[i - 1][1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    new_w = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    new_b = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_w, new_b
