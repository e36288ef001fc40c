# Backprop homework
# (started from the stub, docstrings removed to keep it short)
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


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
    As, Zs = [np.asarray(inputs, dtype=float)], []
    for W, b in zip(weights, biases):
        Z = As[-1] @ W + b
        Zs.append(Z)
        As.append(np.maximum(0, Z))
    dZ = softmax_cross_entropy_grad(Zs[-1], labels)
    dWs, dbs = [], []
    for l in reversed(range(len(weights))):
        dA_prev, dW, db = dense_backward(As[l], weights[l], dZ)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        dZ = dA_prev * relu_grad(Zs[l])  # back through the activation
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
