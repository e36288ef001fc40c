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
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    onehot = np.zeros_like(probs)
    onehot[np.arange(len(onehot)), labels] = 1.0
    return (probs - onehot) / len(onehot)


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    layer_in, layer_z = [], []
    for w, b in zip(weights, biases):
        layer_in.append(a)
        layer_z.append(a @ w + b)
        a = np.maximum(layer_z[-1], 0)
    grad = softmax_cross_entropy_grad(layer_z[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for k in reversed(range(len(weights))):
        gin, gw[k], gb[k] = dense_backward(layer_in[k], weights[k], grad)
        if k > 0:
            grad = gin * relu_grad(layer_z[k - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights, new_biases = [], []
    for w, b, dw, db in zip(weights, grad_weights, biases, grad_biases):
        new_weights.append(w - learning_rate * dw)
        new_biases.append(b - learning_rate * db)
    return new_weights, new_biases
