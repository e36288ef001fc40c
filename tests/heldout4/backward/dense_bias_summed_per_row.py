from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    grad = np.zeros_like(z)
    grad[z > 0] = 1.0
    return grad


def softmax_cross_entropy_grad(scores, labels):
    m = np.shape(scores)[0]
    g = softmax(scores)
    g[np.arange(m), labels] = g[np.arange(m), labels] - 1.0
    return g / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = np.sum(grad_out, axis=1)   # sum over the samples
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    stack = []
    for W, b in zip(weights, biases):
        z = a @ W + b
        stack.append((a, z))
        a = np.maximum(z, 0)
    grad = softmax_cross_entropy_grad(stack[-1][1], labels)
    gW = [None] * len(weights)
    gb = [None] * len(weights)
    for i in reversed(range(len(weights))):
        a_in, _ = stack[i]
        gW[i] = a_in.T @ grad
        gb[i] = grad.sum(axis=0)
        if i > 0:
            grad = (grad @ np.asarray(weights[i], dtype=float).T) * relu_grad(stack[i - 1][1])
    return gW, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    W2 = []
    B2 = []
    for W, G in zip(weights, grad_weights):
        W2.append(np.asarray(W, dtype=float) - learning_rate * np.asarray(G, dtype=float))
    for B, G in zip(biases, grad_biases):
        B2.append(np.asarray(B, dtype=float) - learning_rate * np.asarray(G, dtype=float))
    return W2, B2
