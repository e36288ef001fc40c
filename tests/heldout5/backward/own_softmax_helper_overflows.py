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
    return (np.asarray(z, dtype=float) > 0).astype(float)


def stable_softmax(x):
    # "stable" version from a blog post
    e = np.exp(x)
    return e / np.sum(e, axis=1, keepdims=True)


def softmax_cross_entropy_grad(scores, labels):
    probs = stable_softmax(np.asarray(scores, dtype=float))
    m = probs.shape[0]
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1] @ W + b)
        A.append(np.maximum(0, Z[-1]))
    m = A[0].shape[0]
    dZ = stable_softmax(Z[-1])
    dZ[np.arange(m), labels] -= 1
    dZ /= m
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
