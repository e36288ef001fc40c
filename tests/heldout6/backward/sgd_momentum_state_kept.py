from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(probs)
    probs[range(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for w, b in zip(weights, biases):
        xs.append(a)
        zs.append(a @ w + b)
        a = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gws, gbs = [], []
    for i in reversed(range(len(weights))):
        gi, gw, gb = dense_backward(xs[i], weights[i], g)
        gws.insert(0, gw)
        gbs.insert(0, gb)
        if i > 0:
            g = gi * relu_grad(zs[i - 1])
    return gws, gbs


# momentum (cs231n optim.py sgd_momentum), velocities kept between steps
momentum = 0.9
velocity_w = {}
velocity_b = {}


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights, new_biases = [], []
    for i, (w, dw) in enumerate(zip(weights, grad_weights)):
        v = velocity_w.get(i, np.zeros_like(w))
        v = momentum * v - learning_rate * dw
        velocity_w[i] = v
        new_weights.append(w + v)
    for i, (b, db) in enumerate(zip(biases, grad_biases)):
        v = velocity_b.get(i, np.zeros_like(b))
        v = momentum * v - learning_rate * db
        velocity_b[i] = v
        new_biases.append(b + v)
    return new_weights, new_biases
