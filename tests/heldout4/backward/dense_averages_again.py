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
    return np.where(np.asarray(z, dtype=float) > 0.0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    A = softmax(scores)
    m = A.shape[0]
    Y = np.zeros(A.shape)
    Y[np.arange(m), np.asarray(labels).astype(int)] = 1.0
    return (A - Y) / m


def dense_backward(inputs, weights, grad_out):
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    m = A_prev.shape[0]
    dW = (1 / m) * np.dot(A_prev.T, dZ)
    db = (1 / m) * np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    A = np.asarray(inputs, dtype=float)
    caches = []
    for l in range(len(weights)):
        W = np.asarray(weights[l], dtype=float)
        Z = A @ W + np.asarray(biases[l], dtype=float)
        caches.append((A, W, Z))
        A = np.maximum(0, Z)
    dZ = softmax_cross_entropy_grad(caches[-1][2], labels)
    grads = {}
    for l in reversed(range(len(weights))):
        A_prev, W, Z = caches[l]
        grads["dW" + str(l)] = A_prev.T @ dZ
        grads["db" + str(l)] = dZ.sum(axis=0)
        if l > 0:
            dZ = (dZ @ W.T) * relu_grad(caches[l - 1][2])
    return ([grads["dW" + str(l)] for l in range(len(weights))],
            [grads["db" + str(l)] for l in range(len(weights))])


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_W = [np.copy(W).astype(float) - learning_rate * dW for W, dW in zip(weights, grad_weights)]
    new_b = [np.copy(b).astype(float) - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_W, new_b
