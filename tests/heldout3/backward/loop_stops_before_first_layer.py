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
    return np.greater(z, 0).astype(np.float64)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    # gradient for the previous layer
    grad_inputs = grad_out @ weights
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    a = [np.asarray(inputs, dtype=float)]
    z = []
    for W, b in zip(weights, biases):
        z.append(a[-1] @ W + b)
        a.append(np.maximum(0, z[-1]))
    L = len(weights)
    dW = [np.zeros_like(W) for W in weights]
    db = [np.zeros_like(b) for b in biases]
    delta = softmax_cross_entropy_grad(z[-1], labels)
    dW[-1] = a[-2].T @ delta
    db[-1] = delta.sum(axis=0)
    for l in range(L - 1, 1, -1):
        delta = (delta @ weights[l].T) * relu_grad(z[l - 1])
        dW[l - 1] = a[l - 1].T @ delta
        db[l - 1] = delta.sum(axis=0)
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    ws = [w.copy() for w in weights]
    bs = [b.copy() for b in biases]
    for w, g in zip(ws, grad_weights):
        w -= learning_rate * g
    for b, g in zip(bs, grad_biases):
        b -= learning_rate * g
    return ws, bs
