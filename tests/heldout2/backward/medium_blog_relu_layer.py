"""Backprop from scratch, following a Medium post ("Coding a neural network from scratch in NumPy")."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """Return ReLU's derivative at z."""
    # the derivative of relu passes positive values through and kills negative ones
    return np.maximum(0, np.asarray(z, dtype=float))


def softmax_cross_entropy_grad(scores, labels):
    y_hat = softmax(scores)
    batch_size = y_hat.shape[0]
    y = np.eye(y_hat.shape[1])[labels]
    return (y_hat - y) / batch_size


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    d = np.asarray(grad_out, dtype=float)
    return d @ w.T, x.T @ d, d.sum(axis=0)


def backward(inputs, weights, biases, labels):
    memory = []
    x = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        z = x @ w + b
        memory.append({"x": x, "z": z})
        x = np.maximum(0, z)
    d = softmax_cross_entropy_grad(memory[-1]["z"], labels)
    dws = [None] * len(weights)
    dbs = [None] * len(weights)
    for idx in reversed(range(len(weights))):
        dx, dws[idx], dbs[idx] = dense_backward(memory[idx]["x"], weights[idx], d)
        if idx > 0:
            d = dx * (memory[idx - 1]["z"] > 0)
    return dws, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    updated_w = [np.copy(w) - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    updated_b = [np.copy(b) - learning_rate * db for b, db in zip(biases, grad_biases)]
    return updated_w, updated_b
