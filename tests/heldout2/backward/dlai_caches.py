# Week 4 style (deeplearning.ai "Building your Deep Neural Network: Step by Step"),
# rewritten for the course's convention: examples are ROWS here, so every
# W.T / A_prev.T from the notebook moves to the other side, and the 1/m lives in dZL.
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    Z = np.array(z, dtype=float, copy=True)
    dZ = np.ones_like(Z)
    # When z <= 0, you should set dz to 0 as well.
    dZ[Z <= 0] = 0
    return dZ


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    m = AL.shape[0]
    Y = np.zeros_like(AL)
    Y[np.arange(m), np.asarray(labels).astype(int)] = 1
    dZL = (1.0 / m) * (AL - Y)
    return dZL


def linear_backward(dZ, cache):
    A_prev, W = cache
    dW = np.dot(A_prev.T, dZ)
    db = np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    assert dA_prev.shape == A_prev.shape
    assert dW.shape == W.shape
    return dA_prev, dW, db


def dense_backward(inputs, weights, grad_out):
    cache = (np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    return linear_backward(np.asarray(grad_out, dtype=float), cache)


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        Z = np.dot(A_prev, parameters["W" + str(l)]) + parameters["b" + str(l)]
        A = np.maximum(0, Z)
        caches.append(((A_prev, parameters["W" + str(l)]), Z))
    ZL = np.dot(A, parameters["W" + str(L)]) + parameters["b" + str(L)]
    caches.append(((A, parameters["W" + str(L)]), ZL))
    return ZL, caches


def backward(inputs, weights, biases, labels):
    parameters = {}
    for l, (W, b) in enumerate(zip(weights, biases), start=1):
        parameters["W" + str(l)] = W
        parameters["b" + str(l)] = b
    L = len(weights)
    ZL, caches = L_model_forward(np.asarray(inputs, dtype=float), parameters)

    grads = {}
    dZ = softmax_cross_entropy_grad(ZL, labels)
    linear_cache, _ = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZ, linear_cache)
    for l in reversed(range(L - 1)):
        linear_cache, Z = caches[l]
        dZ = grads["dA" + str(l + 1)] * relu_grad(Z)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_backward(dZ, linear_cache)

    return [grads["dW" + str(l)] for l in range(1, L + 1)], [grads["db" + str(l)] for l in range(1, L + 1)]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # update_parameters, but into new lists
    new_w = [weights[l] - learning_rate * grad_weights[l] for l in range(len(weights))]
    new_b = [biases[l] - learning_rate * grad_biases[l] for l in range(len(biases))]
    return new_w, new_b
