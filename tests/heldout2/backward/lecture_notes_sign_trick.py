from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # relu(z) = z for z>0, 0 otherwise -> slope is the sign of z
    return np.sign(np.asarray(z, dtype=float))


def softmax_cross_entropy_grad(scores, labels):
    s = softmax(scores)
    targets = np.zeros_like(s)
    for row, label in enumerate(labels):
        targets[row, label] = 1.0
    return (s - targets) / len(s)


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return np.matmul(grad_out, weights.T), np.matmul(inputs.T, grad_out), np.sum(grad_out, axis=0)


def backward(inputs, weights, biases, labels):
    h = [np.asarray(inputs, dtype=float)]
    zs = []
    for W, b in zip(weights, biases):
        zs.append(np.matmul(h[-1], W) + b)
        h.append(np.maximum(zs[-1], 0))
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gW, gb = [], []
    for l in range(len(weights) - 1, -1, -1):
        gin, w_, b_ = dense_backward(h[l], weights[l], g)
        gW = [w_] + gW
        gb = [b_] + gb
        g = gin * (h[l] > 0)
    return gW, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [np.asarray(W) - learning_rate * np.asarray(dW) for W, dW in zip(weights, grad_weights)]
    new_biases = [np.asarray(b) - learning_rate * np.asarray(db) for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
