"""Backprop homework."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_train = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_train), labels] -= 1
    dscores /= num_train
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    m, n_in = inputs.shape
    n_out = weights.shape[1]
    grad_inputs = np.zeros((m, n_in))
    grad_weights = np.zeros((n_in, n_out))
    grad_biases = np.zeros(n_out)
    for r in range(m):
        for j in range(n_out):
            grad_biases[j] += grad_out[r, j]
            for i in range(n_in):
                grad_inputs[r, i] += grad_out[r, j] * weights[i, j]
                grad_weights[i, j] += inputs[r, i] * grad_out[r, j]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        xs.append(a)
        zs.append(a @ W + b)
        a = np.maximum(zs[-1], 0)
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    dWs, dbs = [], []
    for l in reversed(range(len(weights))):
        da, dW, db = dense_backward(xs[l], weights[l], dz)
        dWs.append(dW)
        dbs.append(db)
        if l:
            dz = da * relu_grad(zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = []
    new_biases = []
    for i in range(len(weights)):
        new_weights.append(weights[i] - learning_rate * grad_weights[i])
        new_biases.append(biases[i] - learning_rate * grad_biases[i])
    return new_weights, new_biases
