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
    return np.multiply(np.asarray(z, dtype=float) > 0, 1.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    rows = np.arange(probs.shape[0])
    grad = probs.copy()
    grad[rows, labels] = grad[rows, labels] - 1
    return grad / probs.shape[0]


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    L = len(weights)
    # make every bias a (1, n) row so it broadcasts over the batch
    for l in range(L):
        biases[l] = np.reshape(biases[l], (1, -1))
    A = np.asarray(inputs, dtype=float)
    cache = []
    for l in range(L):
        Z = A @ weights[l] + biases[l]
        cache.append((A, Z))
        A = np.maximum(0, Z)
    dZ = softmax_cross_entropy_grad(cache[-1][1], labels)
    dW, db = [None] * L, [None] * L
    for l in reversed(range(L)):
        dA, dW[l], db[l] = dense_backward(cache[l][0], weights[l], dZ)
        if l:
            dZ = dA * relu_grad(cache[l - 1][1])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    W = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    b = [v - learning_rate * g for v, g in zip(biases, grad_biases)]
    return W, b
