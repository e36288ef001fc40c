from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.sign(np.maximum(z, 0))


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    y = np.zeros_like(p)
    y[np.arange(len(y)), labels] = 1
    return (p - y) / len(y)


def dense_backward(inputs, weights, grad_out):
    a = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, a.T @ g, g.sum(axis=0)


def forward(inputs, weights, biases):
    a = np.asarray(inputs, dtype=float)
    cache = []
    for i, (w, b) in enumerate(zip(weights, biases)):
        z = a @ w + b
        cache.append((a, z))
        a = np.maximum(z, 0) if i < len(weights) - 1 else softmax(z)
    return a, cache


def backward(inputs, weights, biases, labels):
    probs, cache = forward(inputs, weights, biases)
    grad = softmax_cross_entropy_grad(probs, labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        grad_in, gw[i], gb[i] = dense_backward(cache[i][0], weights[i], grad)
        if i > 0:
            grad = grad_in * relu_grad(cache[i - 1][1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
