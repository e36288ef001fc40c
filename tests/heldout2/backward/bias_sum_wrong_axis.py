from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = p.shape[0]
    t = np.zeros_like(p)
    t[np.arange(m), labels] = 1.0
    return (p - t) / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    d = np.asarray(grad_out, dtype=float)
    grad_inputs = d @ w.T
    grad_weights = x.T @ d
    grad_biases = np.sum(d, axis=1)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for w, b in zip(weights, biases):
        xs.append(x)
        z = x @ w + b
        zs.append(z)
        x = np.maximum(z, 0)
    d = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [], []
    for l in range(len(weights) - 1, -1, -1):
        dx, dw, db = dense_backward(xs[l], weights[l], d)
        gw.insert(0, dw)
        gb.insert(0, db)
        if l > 0:
            d = dx * relu_grad(zs[l - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
