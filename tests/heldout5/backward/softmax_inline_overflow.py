"""Filled in following Karpathy's 'neural net case study'."""

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
    scores = np.asarray(scores, dtype=float)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    m = scores.shape[0]
    probs[range(m), labels] -= 1
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
