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
    activations = [np.asarray(inputs, dtype=float)]
    zs = []
    for W, b in zip(weights, biases):
        zs.append(activations[-1] @ W + b)
        activations.append(np.maximum(0, zs[-1]))

    grad_weights, grad_biases = [], []
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    for layer in reversed(range(len(weights))):
        d_in, dW, db = dense_backward(activations[layer], weights[layer], delta)
        grad_weights.append(dW)
        grad_biases.append(db)
        if layer > 0:
            delta = d_in * relu_grad(zs[layer - 1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [W - learning_rate * dW for W, dW in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_weights)]
    return new_weights, new_biases
