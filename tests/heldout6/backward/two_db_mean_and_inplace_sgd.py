from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    n = len(probs)
    probs[np.arange(n), labels] -= 1
    return probs / n


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.mean(axis=0)  # average over the batch
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    acts, zs = [], []
    for w, b in zip(weights, biases):
        acts.append(a)
        zs.append(a @ w + b)
        a = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gws, gbs = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        g_in, gws[l], gbs[l] = dense_backward(acts[l], weights[l], g)
        if l:
            g = g_in * relu_grad(zs[l - 1])
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    for w, gw in zip(weights, grad_weights):
        w -= learning_rate * gw
    for b, gb in zip(biases, grad_biases):
        b -= learning_rate * gb
    return list(weights), list(biases)
