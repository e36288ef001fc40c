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


# Coursera notation: m is the number of examples = Y.shape[1]; db sums along axis=1


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    dz = np.ones(z.shape)
    dz[z <= 0] = 0
    return dz


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    Y = np.zeros(AL.shape)
    Y[np.arange(AL.shape[0]), labels] = 1
    m = Y.shape[1]
    return (AL - Y) / m


def dense_backward(inputs, weights, grad_out):
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = np.dot(A_prev.T, dZ)
    db = np.sum(dZ, axis=1)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    A = np.asarray(inputs, dtype=float)
    caches = []
    for W, b in zip(weights, biases):
        Z = np.dot(A, W) + b
        caches.append((A, W, Z))
        A = np.maximum(0, Z)
    dZ = softmax_cross_entropy_grad(caches[-1][2], labels)
    grads_W, grads_b = [], []
    for l in reversed(range(len(caches))):
        A_prev, W, Z = caches[l]
        dA_prev, dW, db = dense_backward(A_prev, W, dZ)
        grads_W.insert(0, dW)
        grads_b.insert(0, db)
        if l > 0:
            dZ = dA_prev * relu_grad(caches[l - 1][2])
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    L = len(weights)
    return ([weights[l] - learning_rate * grad_weights[l] for l in range(L)],
            [biases[l] - learning_rate * grad_biases[l] for l in range(L)])
