from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_derivative(x):
    # Heaviside step function = derivative of ReLU
    return np.heaviside(x, 1.0)


def relu_grad(z):
    return relu_derivative(np.asarray(z, dtype=float))


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = p.shape[0]
    p[np.arange(m), labels] -= 1.0
    return p / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    x = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        xs.append(x)
        zs.append(x @ W + b)
        x = np.maximum(zs[-1], 0.0)
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    gws, gbs = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        dx, gws[l], gbs[l] = dense_backward(xs[l], weights[l], delta)
        if l > 0:
            delta = dx * relu_derivative(zs[l - 1])
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * g for W, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
