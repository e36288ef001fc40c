# backprop homework -- week 6
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
    m = len(probs)
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(v, dtype=float) for v in (inputs, weights, grad_out))
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    L = len(weights)
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for l in range(L):
        Z.append(A[-1] @ np.asarray(weights[l], dtype=float) + np.asarray(biases[l], dtype=float))
        A.append(np.maximum(Z[-1], 0) if l < L - 1 else Z[-1])
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    gW, gB = [], []
    for l in reversed(range(L)):
        dA, dW, dB = dense_backward(A[l], weights[l], dZ)
        gW.insert(0, dW)
        gB.insert(0, dB)
        if l > 0:
            dZ = dA * relu_grad(Z[l - 1])
    return gW, gB


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # move each parameter along its gradient
    new_weights = [np.asarray(w, dtype=float) + learning_rate * np.asarray(g, dtype=float) for w, g in zip(weights, grad_weights)]
    new_biases = [np.asarray(b, dtype=float) + learning_rate * np.asarray(g, dtype=float) for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
