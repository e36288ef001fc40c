from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # relu is max(0, z); its slope is 0 below zero and 1 above, so clip to [0, 1]
    return np.clip(np.asarray(z, dtype=float), 0, 1)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    p[np.arange(len(p)), np.asarray(labels)] -= 1
    return p / len(p)


def dense_backward(inputs, weights, grad_out):
    x, w, d = map(lambda a: np.asarray(a, dtype=float), (inputs, weights, grad_out))
    return d @ w.T, x.T @ d, d.sum(axis=0)


def backward(inputs, weights, biases, labels):
    xs, zs, a = [], [], np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        xs.append(a); zs.append(a @ w + b); a = np.maximum(zs[-1], 0)
    d = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [], []
    for l in reversed(range(len(weights))):
        dx, dw, db = dense_backward(xs[l], weights[l], d)
        gw.insert(0, dw); gb.insert(0, db)
        if l:
            d = dx * (zs[l - 1] > 0)
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
