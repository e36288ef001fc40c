# Ported from my Octave nnCostFunction.m (ML course ex4): one example at a time,
# accumulate the Deltas, divide by m at the end.
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    g = np.zeros(z.shape)
    g[z > 0] = 1.0
    return g


def softmax_cross_entropy_grad(scores, labels):
    scores = np.array(scores, dtype=float)
    m, num_labels = scores.shape
    grad = np.zeros((m, num_labels))
    for t in range(m):
        a3 = softmax(scores[t])
        yt = np.zeros(num_labels)
        yt[int(labels[t])] = 1
        grad[t] = (a3 - yt) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    Theta = np.array(weights, dtype=float)
    delta = np.array(grad_out, dtype=float)
    m = X.shape[0]
    Theta_grad = np.zeros(Theta.shape)
    bias_grad = np.zeros(Theta.shape[1])
    prev_delta = np.zeros(X.shape)
    for t in range(m):
        Theta_grad = Theta_grad + np.outer(X[t], delta[t])
        bias_grad = bias_grad + delta[t]
        prev_delta[t] = Theta @ delta[t]
    return prev_delta, Theta_grad, bias_grad


def backward(inputs, weights, biases, labels):
    X = np.array(inputs, dtype=float)
    num_layers = len(weights)
    a = [X]
    z = []
    for l in range(num_layers):
        zl = a[l] @ np.array(weights[l], dtype=float) + np.array(biases[l], dtype=float)
        z.append(zl)
        a.append(np.maximum(zl, 0))
    d = softmax_cross_entropy_grad(z[-1], labels)
    Wg = [None] * num_layers
    bg = [None] * num_layers
    for l in range(num_layers - 1, -1, -1):
        d_prev, Wg[l], bg[l] = dense_backward(a[l], weights[l], d)
        if l >= 1:
            d = d_prev * relu_grad(z[l - 1])
    return Wg, bg


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    alpha = learning_rate
    W = []
    b = []
    for l in range(len(weights)):
        W.append(np.array(weights[l], dtype=float) - alpha * np.array(grad_weights[l]))
        b.append(np.array(biases[l], dtype=float) - alpha * np.array(grad_biases[l]))
    return W, b
