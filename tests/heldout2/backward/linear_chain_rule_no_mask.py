from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.ones_like(z) * (z > 0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    labels = np.asarray(labels, dtype=int).reshape(-1)
    grad = probs.copy()
    grad[np.arange(m), labels] = grad[np.arange(m), labels] - 1.0
    return grad / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=np.float64)
    weights = np.asarray(weights, dtype=np.float64)
    grad_out = np.asarray(grad_out, dtype=np.float64)
    # chain rule for z = x W + b
    grad_inputs = np.matmul(grad_out, np.transpose(weights))
    grad_weights = np.matmul(np.transpose(inputs), grad_out)
    grad_biases = np.sum(grad_out, axis=0)
    return grad_inputs, grad_weights, grad_biases


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
