from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=np.float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    targets = np.zeros(probs.shape)
    targets[range(m), labels] = 1.0
    return (probs - targets) / float(m)


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    return np.dot(grad_out, weights.T), np.dot(inputs.T, grad_out), np.sum(grad_out, axis=0)


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    a = np.array(inputs, dtype=float)
    for w, b in zip(weights, biases):
        xs.append(a)
        zs.append(np.dot(a, w) + b)
        a = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gw = [None] * len(weights)
    gb = [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        gx, gw[l], gb[l] = dense_backward(xs[l], weights[l], g)
        if l > 0:
            g = gx * (zs[l - 1] > 0)
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = map(lambda wg: wg[0] - learning_rate * wg[1], zip(weights, grad_weights))
    new_biases = map(lambda bg: bg[0] - learning_rate * bg[1], zip(biases, grad_biases))
    return new_weights, new_biases
