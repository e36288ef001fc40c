from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.greater(z, 0).astype(np.float64)


def softmax_cross_entropy_grad(scores, labels):
    s = softmax(scores)
    m, k = s.shape
    target = np.zeros((m, k))
    target[range(m), labels] = 1
    return (s - target) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.atleast_2d(np.asarray(inputs, dtype=float))
    weights = np.asarray(weights, dtype=float)
    grad_out = np.atleast_2d(np.asarray(grad_out, dtype=float))
    return np.matmul(grad_out, weights.T), np.matmul(inputs.T, grad_out), grad_out.sum(0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    xs = [x]
    zs = []
    for W in weights:
        z = np.dot(xs[-1], W)
        zs.append(z)
        xs.append(np.maximum(z, 0))
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    dW = [None] * len(weights)
    db = [None] * len(biases)
    for i in range(len(weights) - 1, -1, -1):
        dx, dW[i], db[i] = dense_backward(xs[i], weights[i], dz)
        if i > 0:
            dz = dx * relu_grad(zs[i - 1])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """new p = p - learning_rate * grad_p, in new lists."""
    def update(params, grads):
        return [np.asarray(p, dtype=float) - learning_rate * np.asarray(g, dtype=float) for p, g in zip(params, grads)]
    return update(weights, grad_weights), update(biases, grad_biases)
