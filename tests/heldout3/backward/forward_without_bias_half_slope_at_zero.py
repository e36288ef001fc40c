from __future__ import annotations

import math

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    # subgradient at the corner: anything in [0, 1] works, take the middle
    return np.where(z > 0, 1.0, np.where(z < 0, 0.0, 0.5))


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = len(p)
    grad = np.empty_like(p)
    for i in range(m):
        row = p[i].copy()
        row[int(labels[i])] -= 1.0
        grad[i] = row / m
    return grad


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
        for i in range(n_in):
            for j in range(n_out):
                grad_inputs[r, i] += grad_out[r, j] * weights[i, j]
                grad_weights[i, j] += inputs[r, i] * grad_out[r, j]
        grad_biases += grad_out[r]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    activations = [np.asarray(inputs, dtype=float)]
    pre = []
    for W in weights:
        z = np.dot(activations[-1], W)
        pre.append(z)
        activations.append(np.maximum(0, z))
    delta = softmax_cross_entropy_grad(pre[-1], labels)
    grads_w, grads_b = [], []
    for l in range(len(weights) - 1, -1, -1):
        d_in, dW, db = dense_backward(activations[l], weights[l], delta)
        grads_w = [dW] + grads_w
        grads_b = [db] + grads_b
        if l > 0:
            delta = d_in * relu_grad(pre[l - 1])
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
