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
    """ReLU's slope: 1 where z > 0, else 0 (also 0 at the corner z == 0)."""
    z = np.asarray(z)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = np.dot(dZ.T, A_prev)          # dW = dZ . A_prev^T
    db = np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    # forward pass, remember every layer's input and pre-activation
    layer_inputs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        layer_inputs.append(a)
        z = a @ W + b
        zs.append(z)
        a = np.maximum(0, z)
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        da, dW, db = dense_backward(layer_inputs[l], weights[l], dz)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dz = da * relu_grad(zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
