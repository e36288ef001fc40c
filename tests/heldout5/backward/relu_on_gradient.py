# Backpropagation HW

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def _step(value: float) -> float:
    return 1.0 if value > 0 else 0.0


def relu_grad(z):
    return np.vectorize(_step, otypes=[float])(z)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), np.asarray(labels, dtype=int)] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    layer_in, zs = [], []
    h = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        layer_in.append(h)
        zs.append(h @ W + b)
        h = np.maximum(0, zs[-1])
    g = softmax_cross_entropy_grad(zs[-1], labels)
    dW, db = [], []
    for l in reversed(range(len(weights))):
        g_in, w_grad, b_grad = dense_backward(layer_in[l], weights[l], g)
        dW.insert(0, w_grad)
        db.insert(0, b_grad)
        g = np.maximum(0, g_in)          # backprop through relu
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [np.asarray(w, dtype=float) - learning_rate * np.asarray(g, dtype=float)
                   for w, g in zip(weights, grad_weights)]
    new_biases = [np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float)
                  for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
