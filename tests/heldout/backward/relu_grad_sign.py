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
    z = np.asarray(z, dtype=float)
    return np.sign(z)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m, n = probs.shape
    targets = np.zeros((m, n))
    targets[np.arange(m), labels] = 1.0
    return (probs - targets) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, np.ones(len(grad_out)) @ grad_out


def _backprop(a, weights, biases, labels):
    """Gradients of the layers from here on, plus the gradient w.r.t. a."""
    z = a @ weights[0] + biases[0]
    if len(weights) == 1:
        dz = softmax_cross_entropy_grad(z, labels)
        da, dw, db = dense_backward(a, weights[0], dz)
        return da, [dw], [db]
    da_next, dws, dbs = _backprop(np.maximum(z, 0), weights[1:], biases[1:], labels)
    dz = da_next * relu_grad(z)
    da, dw, db = dense_backward(a, weights[0], dz)
    return da, [dw] + dws, [db] + dbs


def backward(inputs, weights, biases, labels):
    _, grad_weights, grad_biases = _backprop(np.asarray(inputs, dtype=float), list(weights), list(biases), labels)
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    if not weights:
        return [], []
    rest_w, rest_b = sgd_step(weights[1:], biases[1:], grad_weights[1:], grad_biases[1:], learning_rate)
    return ([weights[0] - learning_rate * grad_weights[0]] + rest_w,
            [biases[0] - learning_rate * grad_biases[0]] + rest_b)
