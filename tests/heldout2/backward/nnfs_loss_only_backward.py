# NNFS chapter 9: I chained Loss_CategoricalCrossentropy.backward after softmax
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    g = np.zeros_like(z)
    g[z > 0] = 1
    return g


def softmax_cross_entropy_grad(scores, labels):
    dvalues = softmax(scores)
    samples = len(dvalues)
    n_labels = len(dvalues[0])
    y_true = np.eye(n_labels)[labels]
    # Calculate gradient
    dinputs = -y_true / dvalues
    # Normalize gradient
    dinputs = dinputs / samples
    return dinputs


def dense_backward(inputs, weights, grad_out):
    dvalues = np.array(grad_out, dtype=float)
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    return np.dot(dvalues, weights.T), np.dot(inputs.T, dvalues), np.sum(dvalues, axis=0)


def backward(inputs, weights, biases, labels):
    x = np.array(inputs, dtype=float)
    ins, outs = [], []
    for w, b in zip(weights, biases):
        ins.append(x)
        outs.append(np.dot(x, w) + b)
        x = np.maximum(0, outs[-1])
    probs = softmax(outs[-1])
    samples = len(probs)
    dvalues = probs.copy()
    dvalues[range(samples), labels] -= 1
    dvalues = dvalues / samples
    dW = [None] * len(weights)
    dB = [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        dinputs, dW[i], dB[i] = dense_backward(ins[i], weights[i], dvalues)
        if i > 0:
            dinputs = dinputs.copy()
            dinputs[outs[i - 1] <= 0] = 0
            dvalues = dinputs
    return dW, dB


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * dw for w, dw in zip(weights, grad_weights)],
            [b - learning_rate * db for b, db in zip(biases, grad_biases)])
