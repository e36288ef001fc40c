"""Backpropagation exercises: fill in the five functions below.

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
    return np.asarray(np.asarray(z) > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    """(softmax(scores) - onehot(labels)) / m"""
    P = softmax(scores)
    m = P.shape[0]
    Y = np.zeros_like(P)
    Y[np.arange(m), labels] = 1
    return (P - Y) / m


def dense_backward(inputs, weights, grad_out):
    """(grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0))"""
    X = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def backward(inputs, weights, biases, labels):
    """Gradients for the bank network: input -> hidden (ReLU) -> output."""
    W1, W2 = weights
    b1, b2 = biases
    X = np.asarray(inputs, dtype=float)
    Z1 = X @ W1 + b1
    A1 = np.maximum(0, Z1)
    Z2 = A1 @ W2 + b2
    dZ2 = softmax_cross_entropy_grad(Z2, labels)
    dA1, dW2, db2 = dense_backward(A1, W2, dZ2)
    dZ1 = dA1 * relu_grad(Z1)
    _, dW1, db1 = dense_backward(X, W1, dZ1)
    return [dW1, dW2], [db1, db2]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """p - learning_rate * grad_p for every parameter."""
    new_weights = [np.asarray(W, dtype=float) - learning_rate * np.asarray(dW, dtype=float) for W, dW in zip(weights, grad_weights)]
    new_biases = [np.asarray(b, dtype=float) - learning_rate * np.asarray(db, dtype=float) for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases


if __name__ == "__main__":
    gw, gb = backward(np.array([[2.0, 3.0]]),
                      [np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([[2.0, 1.0], [-1.0, 4.0]])],
                      [np.zeros(2), np.zeros(2)], np.array([0]))
    print(gw, gb)
