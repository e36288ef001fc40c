from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


# Tried to do everything with loops first so I understand it, then the
# deeplearning.ai "caches" idea for the full network.


def relu_grad(z):
    z = np.array(z, dtype=float)
    flat = z.ravel()
    out = np.zeros(flat.shape)
    for i in range(flat.size):
        if flat[i] > 0:
            out[i] = 1.0
    return out.reshape(z.shape)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m, n = probs.shape
    grad = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            target = 1.0 if j == labels[i] else 0.0
            grad[i, j] = (probs[i, j] - target) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    G = np.array(grad_out, dtype=float)
    m, n_in = X.shape
    n_out = W.shape[1]
    dX = np.zeros((m, n_in))
    dW = np.zeros((n_in, n_out))
    db = np.zeros(n_out)
    for r in range(m):
        for i in range(n_in):
            for j in range(n_out):
                dX[r, i] += G[r, j] * W[i, j]
                dW[i, j] += X[r, i] * G[r, j]
        for j in range(n_out):
            db[j] += G[r, j]
    return dX, dW, db


def linear_activation_forward(A_prev, W, b, activation):
    Z = A_prev @ W + b
    cache = (A_prev, W, Z)
    if activation == "relu":
        return np.maximum(0, Z), cache
    return Z, cache


def backward(inputs, weights, biases, labels):
    caches = []
    A = np.array(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        A, cache = linear_activation_forward(A, weights[l], biases[l], "relu" if l < L - 1 else "linear")
        caches.append(cache)
    grads = {}
    dZ = softmax_cross_entropy_grad(caches[-1][2], labels)
    for l in reversed(range(L)):
        A_prev, W, Z = caches[l]
        dA_prev, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dense_backward(A_prev, W, dZ)
        if l > 0:
            dZ = dA_prev * relu_grad(caches[l - 1][2])
    return [grads["dW" + str(l + 1)] for l in range(L)], [grads["db" + str(l + 1)] for l in range(L)]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    parameters = {}
    for l in range(len(weights)):
        parameters["W" + str(l + 1)] = weights[l] - learning_rate * grad_weights[l]
        parameters["b" + str(l + 1)] = biases[l] - learning_rate * grad_biases[l]
    L = len(weights)
    return [parameters["W" + str(l + 1)] for l in range(L)], [parameters["b" + str(l + 1)] for l in range(L)]
