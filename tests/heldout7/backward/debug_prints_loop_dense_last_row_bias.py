"""Backpropagation exercises: fill in the five functions below.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)

DEBUG = True


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0) + 0.0


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1.0
    if DEBUG:
        print("probs", probs, "onehot", onehot)
    return (probs - onehot) / m


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
                if DEBUG:
                    print(f"row {r}: dW[{i},{j}] += {inputs[r, i]} * {grad_out[r, j]} -> {grad_weights[i, j]}")
        grad_biases = grad_out[r]
        if DEBUG:
            print("db so far", grad_biases)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    acts = [np.asarray(inputs, dtype=float)]
    zs = []
    for k, (w, b) in enumerate(zip(weights, biases)):
        zs.append(acts[-1] @ w + b)
        acts.append(np.maximum(zs[-1], 0) if k < len(weights) - 1 else zs[-1])
        if DEBUG:
            print(f"layer {k}: z = {zs[-1]}")
    delta = softmax_cross_entropy_grad(acts[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        gw[k] = acts[k].T @ delta
        gb[k] = delta.sum(axis=0)
        if DEBUG:
            print(f"layer {k}: dW = {gw[k]}, db = {gb[k]}")
        if k > 0:
            delta = (delta @ weights[k].T) * relu_grad(zs[k - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
