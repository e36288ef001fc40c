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
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


class Linear:
    """A dense layer; the stub's functions are thin wrappers around it."""

    def __init__(self, W, b):
        self.W = np.asarray(W, dtype=float)
        self.b = np.asarray(b, dtype=float)
        self.x = None

    def forward(self, x):
        self.x = np.asarray(x, dtype=float)
        return self.x @ self.W + self.b

    def backward(self, dout):
        dout = np.asarray(dout, dtype=float)
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


def dense_backward(inputs, weights, grad_out):
    layer = Linear(weights, np.zeros(np.shape(weights)[1]))
    layer.forward(inputs)
    dx = layer.backward(grad_out)
    return dx, layer.dW, layer.db


def backward(inputs, weights, biases, labels):
    layers = [Linear(W, b) for W, b in zip(weights, biases)]
    out = np.asarray(inputs, dtype=float)
    zs = []
    for k, layer in enumerate(layers):
        z = layer.forward(out)
        zs.append(z)
        out = np.maximum(0, z) if k < len(layers) - 1 else z
    dout = softmax_cross_entropy_grad(out, labels)
    for k in range(len(layers) - 1, -1, -1):
        dx = layers[k].backward(dout)
        if k > 0:
            dout = dx * relu_grad(zs[k - 1])
    return [l.dW for l in layers], [l.db for l in layers]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = []
    new_b = []
    for i in range(len(weights)):
        new_w.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_b.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_w, new_b
