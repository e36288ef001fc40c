from __future__ import annotations

import numpy as np

DTYPE = np.float  # use the same float type everywhere


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=DTYPE) > 0).astype(DTYPE)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = p.shape[0]
    y = np.zeros(p.shape, dtype=DTYPE)
    y[np.arange(m), labels] = 1
    return (p - y) / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=DTYPE)
    w = np.asarray(weights, dtype=DTYPE)
    g = np.asarray(grad_out, dtype=DTYPE)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=DTYPE)
    xs, zs = [], []
    for W, b in zip(weights, biases):
        xs.append(a)
        zs.append(a @ W + b)
        a = np.maximum(0, zs[-1])
    d = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        dx, gw[l], gb[l] = dense_backward(xs[l], weights[l], d)
        if l > 0:
            d = dx * relu_grad(zs[l - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights, new_biases = [], []
    for W, dW in zip(weights, grad_weights):
        new_weights.append(W - learning_rate * dW)
    for b, db in zip(biases, grad_biases):
        new_biases.append(b - learning_rate * db)
    return new_weights, new_biases
