from __future__ import annotations

import math

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    out = np.zeros_like(z)
    for idx in np.ndindex(z.shape):
        if z[idx] > 0:
            out[idx] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = len(p)
    grad = np.empty_like(p)
    for i in range(m):
        row = p[i].copy()
        row[int(labels[i])] -= 1.0
        grad[i] = row / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    m, n_in = inputs.shape
    n_out = weights.shape[1]
    grad_inputs = np.zeros((m, n_in))
    grad_weights = np.zeros((n_in, n_out))
    grad_biases = np.zeros(n_out)
    for r in range(m):
        for i in range(n_in):
            for j in range(n_out):
                grad_inputs[r, i] += grad_out[r, j] * weights[i, j]
                grad_weights[i, j] += inputs[r, i] * grad_out[r, j]
        grad_biases += grad_out[r]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    L = len(weights)
    cache = {"A0": np.asarray(inputs, dtype=float)}
    for l in range(1, L + 1):
        cache["Z" + str(l)] = cache["A" + str(l - 1)] @ weights[l - 1] + biases[l - 1]
        cache["A" + str(l)] = np.maximum(0, cache["Z" + str(l)])
    grads = {}
    dZ = softmax_cross_entropy_grad(cache["Z" + str(L)], labels)
    for l in reversed(range(1, L + 1)):
        dA_prev, grads["dW" + str(l)], grads["db" + str(l)] = dense_backward(
            cache["A" + str(l - 1)], weights[l - 1], dZ)
        if l > 1:
            dZ = dA_prev * relu_grad(cache["Z" + str(l - 1)])
    return ([grads["dW" + str(l)] for l in range(1, L + 1)],
            [grads["db" + str(l)] for l in range(1, L + 1)])


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = []
    new_b = []
    for i in range(len(weights)):
        new_w.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_b.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_w, new_b
