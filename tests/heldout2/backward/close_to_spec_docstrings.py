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
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape.

    Examples: relu_grad([3, -3]) == [1, 0]; relu_grad([2, 0, -1]) == [1, 0, 0];
    the deep-ReLU network's first layer, Z1 = [[26, -13]], gives [[1, 0]].
    """
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores.

    (softmax(scores) - onehot(labels)) / m
    """
    p = softmax(scores)
    m, n = p.shape
    labels = np.asarray(labels)
    y = np.zeros((m, n))
    y[np.arange(m), labels] = 1
    return (p - y) / m


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dz = np.asarray(grad_out, dtype=float)
    dx = dz @ w.T
    dw = x.T @ dz
    db = np.sum(dz, axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    # forward pass, remember A's and Z's
    a = np.asarray(inputs, dtype=float)
    As = [a]
    Zs = []
    L = len(weights)
    for i in range(L):
        z = As[-1] @ weights[i] + biases[i]
        Zs.append(z)
        if i < L - 1:
            As.append(np.maximum(0, z))

    dW = [None] * L
    db = [None] * L
    dz = softmax_cross_entropy_grad(Zs[-1], labels)
    for i in range(L - 1, -1, -1):
        da, dW[i], db[i] = dense_backward(As[i], weights[i], dz)
        if i > 0:
            dz = da * relu_grad(Zs[i - 1])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    new_w = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    new_b = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_w, new_b
