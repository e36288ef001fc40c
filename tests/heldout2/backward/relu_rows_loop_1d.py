from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    out = np.zeros(len(z))
    for i in range(len(z)):
        if z[i] > 0:
            out[i] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(probs)
    grad = probs.copy()
    for i in range(m):
        grad[i, labels[i]] -= 1.0
    return grad / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    m, n_in = inputs.shape
    n_out = weights.shape[1]
    grad_inputs = np.zeros((m, n_in))
    grad_weights = np.zeros((n_in, n_out))
    grad_biases = np.zeros(n_out)
    for i in range(m):
        for j in range(n_out):
            grad_biases[j] += grad_out[i, j]
            for k in range(n_in):
                grad_inputs[i, k] += grad_out[i, j] * weights[j, k]
                grad_weights[k, j] += inputs[i, k] * grad_out[i, j]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    values = np.asarray(inputs, dtype=float)
    saved = []
    for W, b in zip(weights, biases):
        z = values @ W + b
        saved.append((values, z))
        values = np.maximum(0, z)
    grad = softmax_cross_entropy_grad(saved[-1][1], labels)
    grad_w = [None] * len(weights)
    grad_b = [None] * len(weights)
    for layer in range(len(weights) - 1, -1, -1):
        layer_in, _ = saved[layer]
        grad_in, grad_w[layer], grad_b[layer] = dense_backward(layer_in, weights[layer], grad)
        if layer > 0:
            grad = grad_in * (saved[layer - 1][1] > 0)
    return grad_w, grad_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * gw for w, gw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * gb for b, gb in zip(biases, grad_biases)]
    return new_weights, new_biases
