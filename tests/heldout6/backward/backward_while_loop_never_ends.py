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
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    ins, zs = [], []
    for w, b in zip(weights, biases):
        ins.append(a)
        zs.append(a @ w + b)
        a = np.maximum(zs[-1], 0)
    grad = softmax_cross_entropy_grad(zs[-1], labels)
    gw = [None] * len(weights)
    gb = [None] * len(weights)
    layer = len(weights) - 1
    while layer >= 0:
        grad_in, gw[layer], gb[layer] = dense_backward(ins[layer], weights[layer], grad)
        if layer > 0:
            grad = grad_in * relu_grad(zs[layer - 1])
            layer -= 1
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
