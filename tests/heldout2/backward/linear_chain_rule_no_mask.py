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
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), np.asarray(labels)] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    # forward pass: keep every layer's input
    layer_inputs = []
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        layer_inputs.append(a)
        z = a @ W + b
        a = np.maximum(0, z)
    # backward pass: chain rule from the last layer down
    grad = softmax_cross_entropy_grad(z, labels)
    grad_weights = [None] * len(weights)
    grad_biases = [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        grad, grad_weights[l], grad_biases[l] = dense_backward(layer_inputs[l], weights[l], grad)
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [W - learning_rate * dW for W, dW in zip(weights, grad_weights)]
    new_b = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_w, new_b
