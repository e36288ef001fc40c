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
    scores = np.asarray(scores)
    m = scores.shape[0]
    grad = np.zeros_like(scores)
    grad[:] = softmax(scores)
    grad[np.arange(m), labels] -= 1
    grad = grad / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    stack = []
    for w, b in zip(weights, biases):
        z = x @ w + b
        stack.append((x, z))
        x = np.maximum(0, z)
    grad = softmax_cross_entropy_grad(stack[-1][1], labels)
    gw, gb = [], []
    for layer in reversed(range(len(weights))):
        layer_in, _ = stack[layer]
        grad_in, dw, db = dense_backward(layer_in, weights[layer], grad)
        gw.append(dw)
        gb.append(db)
        if layer > 0:
            grad = grad_in * relu_grad(stack[layer - 1][1])
    gw.reverse()
    gb.reverse()
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [np.array(w, dtype=float) - learning_rate * np.array(g) for w, g in zip(weights, grad_weights)]
    new_biases = [np.array(b, dtype=float) - learning_rate * np.array(g) for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
