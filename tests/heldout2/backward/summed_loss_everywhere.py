# I use the SUM of the losses (like the cs231n notes before they divide) -- the mean only rescales the learning rate anyway
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    p[np.arange(p.shape[0]), labels] -= 1
    return p


def dense_backward(inputs, weights, grad_out):
    x = np.array(inputs, dtype=float)
    w = np.array(weights, dtype=float)
    g = np.array(grad_out, dtype=float)
    return np.dot(g, w.T), np.dot(x.T, g), np.sum(g, axis=0)


def backward(inputs, weights, biases, labels):
    hs, zs = [np.array(inputs, dtype=float)], []
    for W, b in zip(weights, biases):
        zs.append(np.dot(hs[-1], W) + b)
        hs.append(np.maximum(0, zs[-1]))
    p = softmax(zs[-1])
    p[np.arange(p.shape[0]), labels] -= 1
    d = p
    dWs, dbs = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dWs[l] = np.dot(hs[l].T, d)
        dbs[l] = np.sum(d, axis=0)
        if l > 0:
            d = np.dot(d, weights[l].T) * relu_grad(zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * dW for W, dW in zip(weights, grad_weights)],
            [b - learning_rate * db for b, db in zip(biases, grad_biases)])
