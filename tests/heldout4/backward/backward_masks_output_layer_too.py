from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    inputs_per_layer = []
    zs = []
    a = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        inputs_per_layer.append(a)
        z = a @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float)
        zs.append(z)
        a = np.maximum(0, z)
    dA = None
    grad_w = [None] * len(weights)
    grad_b = [None] * len(weights)
    for l in reversed(range(len(weights))):
        if l == len(weights) - 1:
            dZ = softmax_cross_entropy_grad(zs[l], labels)
        else:
            dZ = dA
        dZ = dZ * relu_grad(zs[l])   # every layer: dZ = dA * g'(Z)
        dA, grad_w[l], grad_b[l] = dense_backward(inputs_per_layer[l], weights[l], dZ)
    return grad_w, grad_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [np.asarray(w, dtype=float) - learning_rate * g for w, g in zip(weights, grad_weights)]
    new_biases = [np.asarray(b, dtype=float) - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
