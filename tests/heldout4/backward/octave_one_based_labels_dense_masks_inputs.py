# Port of my ex4 Octave solution. In Octave the labels were 1..K so y_matrix = eye(K)(y,:).
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
    h = softmax(scores)
    m, K = h.shape
    y_matrix = np.eye(K)[np.asarray(labels, dtype=int) - 1]
    return (h - y_matrix) / m


def dense_backward(inputs, weights, grad_out):
    a_prev = np.asarray(inputs, dtype=float)
    Theta = np.asarray(weights, dtype=float)
    d = np.asarray(grad_out, dtype=float)
    # delta_prev = (delta * Theta') .* g'(z_prev)  -- a_prev > 0 is the same as z_prev > 0
    d_prev = (d @ Theta.T) * (a_prev > 0)
    return d_prev, a_prev.T @ d, d.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = [np.asarray(inputs, dtype=float)]
    z = []
    for Theta, b in zip(weights, biases):
        z.append(a[-1] @ np.asarray(Theta, dtype=float) + np.asarray(b, dtype=float))
        a.append(np.maximum(z[-1], 0))
    h = softmax(z[-1])
    m, K = h.shape
    h[np.arange(m), np.asarray(labels, dtype=int)] -= 1
    d = h / m
    Theta_grad, b_grad = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        Theta_grad[l] = a[l].T @ d
        b_grad[l] = d.sum(axis=0)
        if l > 0:
            d = (d @ np.asarray(weights[l], dtype=float).T) * relu_grad(z[l - 1])
    return Theta_grad, b_grad


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(T, dtype=float) - learning_rate * np.asarray(g, dtype=float) for T, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float) for b, g in zip(biases, grad_biases)])
