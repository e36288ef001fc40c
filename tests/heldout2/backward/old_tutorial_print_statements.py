from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return 1.0 * (z > 0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return np.dot(grad_out, weights.T), np.dot(inputs.T, grad_out), np.sum(grad_out, axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for W, b in zip(weights, biases):
        xs.append(a)
        zs.append(np.dot(a, W) + b)
        a = np.maximum(0, zs[-1])
    print "forward done, scores:", zs[-1]
    d = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        dx, gw[l], gb[l] = dense_backward(xs[l], weights[l], d)
        if l > 0:
            d = dx * relu_grad(zs[l - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * g for W, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
