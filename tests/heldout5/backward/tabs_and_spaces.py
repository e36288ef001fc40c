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
    z = np.array(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(probs)
    grad = np.empty_like(probs)
    for i in range(m):
        target = np.zeros(probs.shape[1])
        target[int(labels[i])] = 1.0
        grad[i] = (probs[i] - target) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
	weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1] @ W + b)
        A.append(np.maximum(0, Z[-1]))
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        dA, dW, db = dense_backward(A[l], weights[l], dZ)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dZ = dA * relu_grad(Z[l - 1])
    return dWs, dbs


def sgd_step(
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    grad_weights: list[np.ndarray],
    grad_biases: list[np.ndarray],
    learning_rate: float,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    lr = float(learning_rate)
    new_weights: list[np.ndarray] = [np.subtract(w, lr * dw) for w, dw in zip(weights, grad_weights)]
    new_biases: list[np.ndarray] = [np.subtract(b, lr * db) for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
