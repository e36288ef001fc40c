from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # slide from the lecture: g'(z) = 1 if z >= 0 else 0
    Z = np.asarray(z, dtype=float)
    return np.where(Z >= 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    m = AL.shape[0]
    Y = np.zeros(AL.shape)
    Y[np.arange(m), labels] = 1.0
    dZ = (AL - Y) / m
    return dZ


def dense_backward(inputs, weights, grad_out):
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = np.dot(A_prev.T, dZ)
    db = np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    A = np.asarray(inputs, dtype=float)
    caches = []
    L = len(weights)
    for l in range(L):
        Z = A @ weights[l] + biases[l]
        caches.append((A, Z))
        A = np.maximum(0, Z) if l < L - 1 else Z
    grads_W = [None] * L
    grads_b = [None] * L
    dZ = softmax_cross_entropy_grad(caches[-1][1], labels)
    for l in reversed(range(L)):
        A_prev, _ = caches[l]
        dA_prev, grads_W[l], grads_b[l] = dense_backward(A_prev, weights[l], dZ)
        if l > 0:
            dZ = dA_prev * np.where(caches[l - 1][1] > 0, 1.0, 0.0)
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    W_out = [w.copy() for w in weights]
    b_out = [b.copy() for b in biases]
    for i in range(len(W_out)):
        W_out[i] -= learning_rate * grad_weights[i]
        b_out[i] -= learning_rate * grad_biases[i]
    return W_out, b_out
