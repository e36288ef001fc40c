"""Backprop, written the way PyTorch does it: modules with forward/backward."""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


class Linear:
    def __init__(self, weight, bias):
        self.weight = np.asarray(weight, dtype=float)
        self.bias = np.asarray(bias, dtype=float)
        self.grad_weight = None
        self.grad_bias = None

    def forward(self, x):
        self.x = x
        return x @ self.weight + self.bias

    def backward(self, grad):
        self.grad_weight = self.x.T @ grad
        self.grad_bias = grad.sum(axis=0)
        return grad @ self.weight.T


class ReLU:
    def forward(self, x):
        self.x = x
        return np.maximum(x, 0.0)

    def backward(self, grad):
        return grad * relu_grad(self.x)


class CrossEntropyLoss:
    def forward(self, logits, target):
        self.logits, self.target = logits, target
        p = softmax(logits)
        return -np.log(p[np.arange(len(target)), target]).mean()

    def backward(self):
        return softmax_cross_entropy_grad(self.logits, self.target)


def relu_grad(z):
    return np.where(np.asarray(z) > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    labels = np.asarray(labels, dtype=int)
    target = np.eye(p.shape[1])[labels]
    return (p - target) / p.shape[0]


def dense_backward(inputs, weights, grad_out):
    layer = Linear(weights, np.zeros(np.shape(weights)[1]))
    layer.forward(np.asarray(inputs, dtype=float))
    grad_in = layer.backward(np.asarray(grad_out, dtype=float))
    return grad_in, layer.grad_weight, layer.grad_bias


def backward(inputs, weights, biases, labels):
    modules = []
    for i, (w, b) in enumerate(zip(weights, biases)):
        modules.append(Linear(w, b))
        if i < len(weights) - 1:
            modules.append(ReLU())
    x = np.asarray(inputs, dtype=float)
    for m in modules:
        x = m.forward(x)
    loss_fn = CrossEntropyLoss()
    loss_fn.forward(x, np.asarray(labels, dtype=int))
    grad = loss_fn.backward()
    for m in reversed(modules):
        grad = m.backward(grad)
    linears = [m for m in modules if isinstance(m, Linear)]
    return [m.grad_weight for m in linears], [m.grad_bias for m in linears]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # like optimizer.step() but without touching the tensors
    new_weights = []
    new_biases = []
    for p, g in zip(weights, grad_weights):
        new_weights.append(np.array(p, dtype=float) - learning_rate * np.array(g, dtype=float))
    for p, g in zip(biases, grad_biases):
        new_biases.append(np.array(p, dtype=float) - learning_rate * np.array(g, dtype=float))
    return new_weights, new_biases
