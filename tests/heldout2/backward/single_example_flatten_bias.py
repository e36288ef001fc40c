"""Worked through the bank example by hand first, then coded it up."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    # 0 for negatives, 1 for positives: clip into [0, 1]
    return np.clip(z, 0, 1)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    n_classes = probs.shape[1]
    onehot = np.array([[1.0 if c == y else 0.0 for c in range(n_classes)] for y in labels])
    return (probs - onehot) / len(probs)


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    # bank example: grad_biases = [-0.5, 0.5] = grad_out as a vector
    grad_biases = grad_out.flatten()
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    layer_inputs, zs = [], []
    for W, b in zip(weights, biases):
        layer_inputs.append(x)
        z = x @ W + b
        zs.append(z)
        x = np.maximum(0, z)
    grad = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        gi, gw[k], gb[k] = dense_backward(layer_inputs[k], weights[k], grad)
        if k > 0:
            grad = gi * relu_grad(zs[k - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
