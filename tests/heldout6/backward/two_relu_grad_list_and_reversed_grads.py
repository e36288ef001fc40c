from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    y = np.zeros_like(p)
    y[np.arange(p.shape[0]), labels] = 1.0
    return (p - y) / p.shape[0]


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    h = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        xs.append(h)
        zs.append(h @ w + b)
        h = np.maximum(zs[-1], 0.0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    grad_weights, grad_biases = [], []
    for layer in range(len(weights) - 1, -1, -1):
        g_in, dw, db = dense_backward(xs[layer], weights[layer], g)
        grad_weights.append(dw)
        grad_biases.append(db)
        if layer > 0:
            g = g_in * relu_grad(zs[layer - 1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    ws = [w - learning_rate * gw for w, gw in zip(weights, grad_weights)]
    bs = [b - learning_rate * gb for b, gb in zip(biases, grad_biases)]
    return ws, bs
