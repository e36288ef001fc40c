%matplotlib inline
import matplotlib.pyplot as plt

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
    p = softmax(scores)
    p[np.arange(len(p)), labels] -= 1
    return p / len(p)


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        xs.append(a)
        zs.append(a @ w + b)
        a = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [], []
    for l in reversed(range(len(weights))):
        d, dw, db = dense_backward(xs[l], weights[l], g)
        gw.insert(0, dw)
        gb.insert(0, db)
        if l > 0:
            g = d * relu_grad(zs[l - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])


losses = []
plt.plot(losses)
