"""Backpropagation exercises."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """1.0 where z > 0, else 0.0."""
    return np.greater(np.asarray(z, dtype=float), 0.0) * 1.0


def softmax_cross_entropy_grad(scores, labels):
    """(softmax(scores) - onehot(labels)) / m."""
    probs = softmax(scores)
    rows = np.arange(probs.shape[0])
    onehot = np.zeros_like(probs)
    onehot[rows, labels] = 1.0
    return (probs - onehot) / probs.shape[0]


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    # the bias is shared by all the examples -> average over the batch
    grad_biases = grad_out.mean(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    """Gradients of the mean cross-entropy loss for every parameter."""
    acts = [np.asarray(inputs, dtype=float)]
    pre = []
    for W, b in zip(weights, biases):
        pre.append(acts[-1] @ W + b)
        acts.append(np.maximum(0.0, pre[-1]))
    grad = softmax_cross_entropy_grad(pre[-1], labels)
    gW = [None] * len(weights)
    gb = [None] * len(weights)
    for l in reversed(range(len(weights))):
        gin, gW[l], gb[l] = dense_backward(acts[l], weights[l], grad)
        if l > 0:
            grad = gin * relu_grad(pre[l - 1])
    return gW, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """p - learning_rate * grad_p for every parameter."""
    new_weights = [W - learning_rate * G for W, G in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
