from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    onehot = np.zeros_like(p)
    onehot[np.arange(p.shape[0]), labels] = 1
    return (p - onehot) / p.shape[0]


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, float)
    weights = np.asarray(weights, float)
    grad_out = np.asarray(grad_out, float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, float)
    ins, zs = [], []
    for w, b in zip(weights, biases):
        ins.append(a)
        zs.append(a @ w + b)
        a = np.maximum(0, zs[-1])
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gws, gbs = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        g_in, gws[l], gbs[l] = dense_backward(ins[l], weights[l], g)
        if l > 0:
            g = g_in * relu_grad(zs[l - 1])
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = []
    new_biases = []
    for w, gw in zip(weights, grad_weights):
        new_weights.append(w - learning_rate * gw)
    for b, gb in zip(biases, grad_biases):
        step = learning_rate * gb
	new_biases.append(b - step)
    return new_weights, new_biases
