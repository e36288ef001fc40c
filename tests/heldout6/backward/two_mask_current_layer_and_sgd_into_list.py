from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.asarray(np.asarray(z) > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    rows = len(probs)
    probs[range(rows), labels] -= 1
    return probs / rows


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return np.dot(grad_out, weights.T), np.dot(inputs.T, grad_out), grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for w, b in zip(weights, biases):
        xs.append(x)
        z = np.dot(x, w) + b
        zs.append(z)
        x = np.maximum(0, z)
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    grad_w = [0] * len(weights)
    grad_b = [0] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        d_in, grad_w[i], grad_b[i] = dense_backward(xs[i], weights[i], delta)
        if i > 0:
            delta = d_in * relu_grad(zs[i])
    return grad_w, grad_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    for i in range(len(weights)):
        weights[i] = weights[i] - learning_rate * grad_weights[i]
        biases[i] = biases[i] - learning_rate * grad_biases[i]
    return weights, biases
