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
    """
    Implement the derivative of RELU (like relu_backward in the deeplearning.ai course,
    with dA = 1).
    """
    Z = np.asarray(z, dtype=float)
    dZ = np.array(np.ones_like(Z), copy=True)  # just converting dz to a correct object.
    # When z <= 0, you should set dz to 0 as well.
    dZ[Z <= 0] = 0
    assert dZ.shape == Z.shape
    return dZ


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    m = AL.shape[0]
    Y = np.zeros_like(AL)
    Y[np.arange(m), labels] = 1
    dZL = (1.0 / m) * (AL - Y)
    return dZL


def dense_backward(inputs, weights, grad_out):
    """linear_backward: returns dA_prev, dW, db"""
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = np.dot(A_prev.T, dZ)
    db = np.sum(dZ, axis=0, keepdims=True).reshape(-1)
    dA_prev = np.dot(dZ, W.T)
    assert dA_prev.shape == A_prev.shape
    assert dW.shape == W.shape
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    L = len(weights)
    caches = {}
    A = np.asarray(inputs, dtype=float)
    caches["A0"] = A
    for l in range(1, L + 1):
        Z = np.dot(A, weights[l - 1]) + biases[l - 1]
        caches["Z" + str(l)] = Z
        A = np.maximum(0, Z) if l < L else Z
        caches["A" + str(l)] = A
    grads = {}
    dZ = softmax_cross_entropy_grad(caches["Z" + str(L)], labels)
    for l in reversed(range(1, L + 1)):
        dA_prev, grads["dW" + str(l)], grads["db" + str(l)] = dense_backward(caches["A" + str(l - 1)], weights[l - 1], dZ)
        if l > 1:
            dZ = dA_prev * relu_grad(caches["Z" + str(l - 1)])
    return ([grads["dW" + str(l)] for l in range(1, L + 1)],
            [grads["db" + str(l)] for l in range(1, L + 1)])


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    parameters = {}
    L = len(weights)
    for l in range(L):
        parameters["W" + str(l + 1)] = weights[l] - learning_rate * grad_weights[l]
        parameters["b" + str(l + 1)] = biases[l] - learning_rate * grad_biases[l]
    return ([parameters["W" + str(l + 1)] for l in range(L)],
            [parameters["b" + str(l + 1)] for l in range(L)])
