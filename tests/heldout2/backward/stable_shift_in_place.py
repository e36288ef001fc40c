from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.asarray(z, dtype=float).__gt__(0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    # numerically stable: shift so the biggest score is 0
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    m = scores.shape[0]
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    cache = []
    for W, b in zip(weights, biases):
        z = a @ W + b
        cache.append((a, z))
        a = np.maximum(0, z)
    g = softmax_cross_entropy_grad(cache[-1][1], labels)
    out_w, out_b = [], []
    for (a_prev, z), W, prev in zip(reversed(cache), reversed(weights), reversed([None] + cache[:-1])):
        g_in, gw, gb = dense_backward(a_prev, W, g)
        out_w.insert(0, gw)
        out_b.insert(0, gb)
        if prev is not None:
            g = g_in * relu_grad(prev[1])
    return out_w, out_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    for i in range(len(weights)):
        weights[i] = weights[i] - learning_rate * grad_weights[i]
        biases[i] = biases[i] - learning_rate * grad_biases[i]
    return weights, biases
