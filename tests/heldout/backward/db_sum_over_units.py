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
    Z = np.array(z, dtype=float, copy=True)
    dZ = np.ones(Z.shape)
    # When z <= 0, you should set dz to 0 as well.
    dZ[Z <= 0] = 0
    assert dZ.shape == Z.shape
    return dZ


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    m = AL.shape[0]
    Y = np.zeros(AL.shape)
    Y[np.arange(m), labels] = 1
    dZL = (AL - Y) / m
    assert dZL.shape == AL.shape
    return dZL


def dense_backward(inputs, weights, grad_out):
    A_prev = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)

    dW = np.dot(A_prev.T, dZ)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(dZ, W.T)

    assert dA_prev.shape == A_prev.shape
    assert dW.shape == W.shape
    return dA_prev, dW, db


def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(A_prev, W) + b
    if activation == "relu":
        A = np.maximum(0, Z)
    else:
        A = Z
    cache = (A_prev, W, b, Z)
    return A, cache


def backward(inputs, weights, biases, labels):
    caches = []
    A = np.array(inputs, dtype=float)
    L = len(weights)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, weights[l - 1], biases[l - 1], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, weights[L - 1], biases[L - 1], "linear")
    caches.append(cache)

    grads = {}
    dZ = softmax_cross_entropy_grad(AL, labels)
    A_prev, W, b, Z = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dense_backward(A_prev, W, dZ)
    for l in reversed(range(L - 1)):
        A_prev, W, b, Z = caches[l]
        dZ = grads["dA" + str(l + 1)] * relu_grad(Z)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dense_backward(A_prev, W, dZ)

    grad_weights = [grads["dW" + str(l)] for l in range(1, L + 1)]
    grad_biases = [grads["db" + str(l)] for l in range(1, L + 1)]
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    L = len(weights)
    new_weights, new_biases = [], []
    # Update rule for each parameter
    for l in range(L):
        new_weights.append(weights[l] - learning_rate * grad_weights[l])
        new_biases.append(biases[l] - learning_rate * grad_biases[l])
    return new_weights, new_biases
