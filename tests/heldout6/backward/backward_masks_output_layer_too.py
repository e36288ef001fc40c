from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    out = np.zeros(np.shape(z))
    out[np.asarray(z) > 0] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    probs[np.arange(probs.shape[0]), labels] -= 1.0
    return probs / probs.shape[0]


def dense_backward(inputs, weights, grad_out):
    inputs, weights, grad_out = np.asarray(inputs, float), np.asarray(weights, float), np.asarray(grad_out, float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, float)
    layer_inputs, zs = [], []
    for w, b in zip(weights, biases):
        layer_inputs.append(a)
        z = a @ w + b
        zs.append(z)
        a = np.maximum(z, 0)
    grad_weights = [None] * len(weights)
    grad_biases = [None] * len(weights)
    dA = softmax_cross_entropy_grad(zs[-1], labels)
    for l in reversed(range(len(weights))):
        # chain rule through the activation, then through the dense layer
        dZ = dA * relu_grad(zs[l])
        dA, grad_weights[l], grad_biases[l] = dense_backward(layer_inputs[l], weights[l], dZ)
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w, new_b = [], []
    for w, g in zip(weights, grad_weights):
        new_w.append(w - learning_rate * g)
    for b, g in zip(biases, grad_biases):
        new_b.append(b - learning_rate * g)
    return new_w, new_b
