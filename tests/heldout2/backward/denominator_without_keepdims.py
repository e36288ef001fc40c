from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.array(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - np.max(s, axis=1, keepdims=True)
    exp = np.exp(s)
    probs = exp / np.sum(exp, axis=1)
    m = len(labels)
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    i = np.array(inputs, dtype=float)
    w = np.array(weights, dtype=float)
    g = np.array(grad_out, dtype=float)
    return g @ w.T, i.T @ g, np.sum(g, axis=0)


def backward(inputs, weights, biases, labels):
    A, Z = [np.array(inputs, dtype=float)], []
    for W, b in zip(weights, biases):
        Z.append(A[-1] @ W + b)
        A.append(np.maximum(0, Z[-1]))
    P = softmax(Z[-1])
    m = P.shape[0]
    P[np.arange(m), labels] -= 1
    G = P / m
    dWs, dbs = [], []
    for k in range(len(weights) - 1, -1, -1):
        dWs.insert(0, A[k].T @ G)
        dbs.insert(0, G.sum(axis=0))
        G = (G @ weights[k].T) * (Z[k - 1] > 0) if k > 0 else G
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # move each parameter a little downhill
    updated_weights = []
    updated_biases = []
    for layer in range(len(weights)):
        updated_weights.append(weights[layer] - learning_rate * grad_weights[layer])
        updated_biases.append(biases[layer] - learning_rate * grad_biases[layer])
    return updated_weights, updated_biases
