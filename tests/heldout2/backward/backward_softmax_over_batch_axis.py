from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # derivative of max(0, z)
    z = np.asarray(z, dtype=float)
    grad = (z > 0)
    return grad.astype(float)


def softmax_cross_entropy_grad(scores, labels):
    y_hat = softmax(scores)
    m = y_hat.shape[0]
    y = np.zeros_like(y_hat)
    y[np.arange(m), labels] = 1.0
    dz = y_hat - y
    dz = dz / m
    return dz


def dense_backward(inputs, weights, grad_out):
    a = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dz = np.asarray(grad_out, dtype=float)
    da = np.einsum("mj,ij->mi", dz, W)
    dW = np.einsum("mi,mj->ij", a, dz)
    db = dz.sum(axis=0)
    return da, dW, db


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    acts, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(acts[-1] @ W + b)
        acts.append(np.maximum(zs[-1], 0))
    # softmax of the output scores + cross-entropy
    s = zs[-1]
    e = np.exp(s - s.max(axis=0))
    P = e / e.sum(axis=0)
    m = X.shape[0]
    P[np.arange(m), labels] -= 1
    delta = P / m
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        dWs.insert(0, acts[l].T @ delta)
        dbs.insert(0, delta.sum(axis=0))
        if l:
            delta = (delta @ weights[l].T) * relu_grad(zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([W - learning_rate * g for W, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
