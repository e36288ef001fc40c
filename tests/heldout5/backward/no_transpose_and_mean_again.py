# Backprop assignment

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    out = np.zeros(z.shape)
    out[z > 0] = 1
    return out


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(probs)
    grad = np.empty_like(probs)
    for i in range(m):
        target = np.zeros(probs.shape[1])
        target[int(labels[i])] = 1.0
        grad[i] = (probs[i] - target) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    m = X.shape[0]
    caches = []
    A = X
    for l, (W, b) in enumerate(zip(weights, biases)):
        Z = A @ W + b
        caches.append((A, Z))
        A = np.maximum(0, Z)
    dZ = softmax_cross_entropy_grad(caches[-1][1], labels)
    grads_W, grads_b = [], []
    for l in reversed(range(len(weights))):
        A_prev, _ = caches[l]
        dA_prev, dW, db = dense_backward(A_prev, weights[l], dZ)
        grads_W.insert(0, dW / m)
        grads_b.insert(0, db / m)
        if l > 0:
            dZ = dA_prev * relu_grad(caches[l - 1][1])
    return grads_W, grads_b


def sgd_step(
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    grad_weights: list[np.ndarray],
    grad_biases: list[np.ndarray],
    learning_rate: float,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    lr = float(learning_rate)
    new_weights: list[np.ndarray] = [np.subtract(w, lr * dw) for w, dw in zip(weights, grad_weights)]
    new_biases: list[np.ndarray] = [np.subtract(b, lr * db) for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
