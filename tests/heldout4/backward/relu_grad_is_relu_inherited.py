from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # derivative of relu
    return np.maximum(0, np.asarray(z, dtype=float))


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = p.shape[0]
    t = np.zeros_like(p)
    t[np.arange(m), labels] = 1
    return (p - t) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    layer_in, layer_z = [], []
    h = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        layer_in.append(h)
        layer_z.append(h @ W + b)
        h = np.maximum(layer_z[-1], 0)
    delta = softmax_cross_entropy_grad(layer_z[-1], labels)
    dW, db = [], []
    for l in range(len(weights) - 1, -1, -1):
        delta_in, w_g, b_g = dense_backward(layer_in[l], weights[l], delta)
        dW.insert(0, w_g)
        db.insert(0, b_g)
        if l > 0:
            delta = delta_in * relu_grad(layer_z[l - 1])
    return dW, db


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = map(lambda W, g: np.asarray(W, dtype=float) - learning_rate * np.asarray(g), weights, grad_weights)
    new_biases = map(lambda b, g: np.asarray(b, dtype=float) - learning_rate * np.asarray(g), biases, grad_biases)
    return new_weights, new_biases
