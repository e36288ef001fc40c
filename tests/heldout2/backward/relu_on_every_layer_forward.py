from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    """(softmax(scores) - onehot(labels)) / m"""
    p = softmax(scores)
    y = np.eye(p.shape[1])[np.asarray(labels, dtype=int)]
    return (p - y) / p.shape[0]


def dense_backward(inputs, weights, grad_out):
    """Returns (grad_inputs, grad_weights, grad_biases)."""
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dz = np.asarray(grad_out, dtype=float)
    grad_inputs = dz @ w.T        # (m, n_in)
    grad_weights = x.T @ dz       # (n_in, n_out)
    grad_biases = dz.sum(axis=0)  # (n_out,)
    return grad_inputs, grad_weights, grad_biases


def forward(inputs, weights, biases):
    """My forward() from last week: returns every layer's input and output."""
    a = np.asarray(inputs, dtype=float)
    ins, zs = [], []
    for W, b in zip(weights, biases):
        ins.append(a)
        z = a @ W + b
        zs.append(z)
        a = np.maximum(0, z)
    return ins, zs, a


def backward(inputs, weights, biases, labels):
    ins, zs, output = forward(inputs, weights, biases)
    grad = softmax_cross_entropy_grad(output, labels) * relu_grad(zs[-1])
    gws, gbs = [], []
    for l in reversed(range(len(weights))):
        g_in, gw, gb = dense_backward(ins[l], weights[l], grad)
        gws.insert(0, gw)
        gbs.insert(0, gb)
        if l > 0:
            grad = g_in * relu_grad(zs[l - 1])
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * G for W, G in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
