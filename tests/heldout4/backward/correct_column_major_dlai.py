"""Backpropagation exercises: fill in the five functions below.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np

# I learnt this with the deeplearning.ai notation (examples are COLUMNS, W is (n_out, n_in)),
# so I transpose on the way in and on the way out.


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    Z = np.array(z, dtype=float, copy=True)
    return (Z > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    ZL = np.asarray(scores, dtype=float).T  # (n, m)
    m = ZL.shape[1]
    AL = softmax(ZL.T).T
    Y = np.zeros_like(AL)
    Y[np.asarray(labels, dtype=int), np.arange(m)] = 1
    dZL = (AL - Y) / m
    return dZL.T


def linear_backward(dZ, A_prev, W):
    # dlai: dW = dZ A_prev^T, db = sum over columns, dA_prev = W^T dZ  (the 1/m is already in dZ)
    dW = dZ @ A_prev.T
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def dense_backward(inputs, weights, grad_out):
    A_prev = np.asarray(inputs, dtype=float).T
    W = np.asarray(weights, dtype=float).T
    dZ = np.asarray(grad_out, dtype=float).T
    dA_prev, dW, db = linear_backward(dZ, A_prev, W)
    return dA_prev.T, dW.T, db.ravel()


def backward(inputs, weights, biases, labels):
    L = len(weights)
    A = np.asarray(inputs, dtype=float).T
    caches = []
    for l in range(L):
        W = np.asarray(weights[l], dtype=float).T
        b = np.asarray(biases[l], dtype=float).reshape(-1, 1)
        Z = W @ A + b
        caches.append((A, W, Z))
        A = np.maximum(0, Z)
    dZ = softmax_cross_entropy_grad(caches[-1][2].T, labels).T
    grads_W = [None] * L
    grads_b = [None] * L
    for l in reversed(range(L)):
        A_prev, W, _ = caches[l]
        dA_prev, dW, db = linear_backward(dZ, A_prev, W)
        grads_W[l] = dW.T
        grads_b[l] = db.ravel()
        if l > 0:
            dZ = dA_prev * relu_grad(caches[l - 1][2])
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    parameters = {}
    for l in range(len(weights)):
        parameters["W" + str(l + 1)] = np.asarray(weights[l], dtype=float) - learning_rate * np.asarray(grad_weights[l])
        parameters["b" + str(l + 1)] = np.asarray(biases[l], dtype=float) - learning_rate * np.asarray(grad_biases[l])
    L = len(weights)
    return [parameters["W" + str(l + 1)] for l in range(L)], [parameters["b" + str(l + 1)] for l in range(L)]
