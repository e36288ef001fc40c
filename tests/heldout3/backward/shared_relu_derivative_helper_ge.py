# Backprop homework
# (started from the stub, docstrings removed to keep it short)
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_derivative(x):
    # Relu derivative is 1 for x >= 0 and 0 for x < 0
    return (np.asarray(x, dtype=float) >= 0).astype(float)


def relu_grad(z):
    return relu_derivative(z)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a_list, z_list = [np.asarray(inputs, dtype=float)], []
    for W, b in zip(weights, biases):
        z_list.append(a_list[-1] @ W + b)
        a_list.append(np.maximum(0, z_list[-1]))
    dz = softmax_cross_entropy_grad(z_list[-1], labels)
    dW_all, db_all = [], []
    for l in range(len(weights) - 1, -1, -1):
        da, dW, db = dense_backward(a_list[l], weights[l], dz)
        dW_all.insert(0, dW)
        db_all.insert(0, db)
        if l > 0:
            dz = da * relu_derivative(z_list[l - 1])
    return dW_all, db_all


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
