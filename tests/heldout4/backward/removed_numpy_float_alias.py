"""Backpropagation exercises: fill in the five functions below.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np

DTYPE = np.float  # same precision everywhere


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=DTYPE) > 0).astype(DTYPE)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    target = np.zeros(probs.shape, dtype=DTYPE)
    target[np.arange(m), labels] = 1
    return (probs - target) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=DTYPE)
    weights = np.asarray(weights, dtype=DTYPE)
    grad_out = np.asarray(grad_out, dtype=DTYPE)
    return np.dot(grad_out, weights.T), np.dot(inputs.T, grad_out), np.sum(grad_out, axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=DTYPE)
    ins, zs = [], []
    for w, b in zip(weights, biases):
        ins.append(a)
        zs.append(np.dot(a, w) + b)
        a = np.maximum(zs[-1], 0)
    d = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [], []
    for l in reversed(range(len(weights))):
        d_in, w_g, b_g = dense_backward(ins[l], weights[l], d)
        gw.insert(0, w_g)
        gb.insert(0, b_g)
        if l > 0:
            d = d_in * relu_grad(zs[l - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(w, dtype=DTYPE) - learning_rate * np.asarray(g, dtype=DTYPE) for w, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=DTYPE) - learning_rate * np.asarray(g, dtype=DTYPE) for b, g in zip(biases, grad_biases)])
