from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), np.asarray(labels)] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


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
    return [W - learning_rate * g for W, g in zip(weights, grad_weights)], [b - learning_rate * g for b, g in zip(biases, grad_biases)]
