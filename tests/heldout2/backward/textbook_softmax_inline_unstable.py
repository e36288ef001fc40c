"""Backprop HW.  softmax + cross-entropy derivative = y_hat - y (textbook eq. 6.xx)."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.array(z > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    e = np.exp(scores)
    y_hat = e / np.sum(e, axis=1, keepdims=True)
    y = np.zeros_like(y_hat)
    y[np.arange(len(y)), labels] = 1
    return (y_hat - y) / len(y)


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dz = np.asarray(grad_out, dtype=float)
    dx = dz @ W.T
    dW = x.T @ dz
    db = dz.sum(axis=0)
    return dx, dW, db


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    h = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        xs.append(h)
        zs.append(h @ W + b)
        h = np.maximum(0, zs[-1])
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        dx, dW, db = dense_backward(xs[l], weights[l], dz)
        dWs.append(dW)
        dbs.append(db)
        if l > 0:
            dz = dx * relu_grad(zs[l - 1])
    dWs.reverse()
    dbs.reverse()
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    W = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    b = [bb - learning_rate * db for bb, db in zip(biases, grad_biases)]
    return W, b
