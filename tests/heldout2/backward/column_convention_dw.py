# I did the Coursera course where W has shape (n_out, n_in) and dW = dZ . A_prev^T
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return np.array(z > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    A = softmax(scores)
    m = A.shape[0]
    Y = np.zeros_like(A)
    Y[np.arange(m), labels] = 1
    return (A - Y) / m


def dense_backward(inputs, weights, grad_out):
    A_prev = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dW = np.dot(dZ.T, A_prev)
    db = np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    A = np.array(inputs, dtype=float)
    As, Zs = [], []
    for W, b in zip(weights, biases):
        As.append(A)
        Z = np.dot(A, W) + b
        Zs.append(Z)
        A = np.maximum(0, Z)
    dZ = softmax_cross_entropy_grad(Zs[-1], labels)
    dWs, dbs = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dWs[l] = np.dot(As[l].T, dZ)
        dbs[l] = np.sum(dZ, axis=0)
        if l > 0:
            dZ = np.dot(dZ, weights[l].T) * relu_grad(Zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # dW comes out as (n_out, n_in) -> transpose back to W's shape
    return [W - learning_rate * dW.T for W, dW in zip(weights, grad_weights)], [b - learning_rate * db for b, db in zip(biases, grad_biases)]
