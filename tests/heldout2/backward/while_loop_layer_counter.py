from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    y = np.zeros(probs.shape)
    y[np.arange(m), labels] = 1
    return (probs - y) / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return np.dot(g, np.asarray(weights, dtype=float).T), np.dot(x.T, g), g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    a_list, z_list = [], []
    for W, b in zip(weights, biases):
        a_list.append(a)
        z = a @ W + b
        z_list.append(z)
        a = np.maximum(0, z)
    grad_w = [None] * len(weights)
    grad_b = [None] * len(weights)
    g = softmax_cross_entropy_grad(z_list[-1], labels)
    layer = len(weights) - 1
    while layer >= 0:
        g_in, grad_w[layer], grad_b[layer] = dense_backward(a_list[layer], weights[layer], g)
        if layer > 0:
            g = g_in * relu_grad(z_list[layer - 1])
            layer -= 1
    return grad_w, grad_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    step = -learning_rate
    return [W + step * G for W, G in zip(weights, grad_weights)], [b + step * g for b, g in zip(biases, grad_biases)]
