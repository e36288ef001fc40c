# coming from Keras: labels are one-hot (to_categorical) and a model's weights are [(W, b), ...]
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0).astype("float64")


def softmax_cross_entropy_grad(scores, labels):
    y_pred = softmax(scores)
    y_true = np.asarray(labels, dtype=float)
    batch_size = y_pred.shape[0]
    return (y_pred - y_true) / batch_size


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    kernel = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ kernel.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for kernel, bias in zip(weights, biases):
        xs.append(x)
        zs.append(x @ kernel + bias)
        x = np.maximum(0, zs[-1])
    y_pred = softmax(zs[-1])
    y_true = np.eye(y_pred.shape[1])[labels]
    g = (y_pred - y_true) / y_pred.shape[0]
    grads_k, grads_b = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        gx, grads_k[i], grads_b[i] = dense_backward(xs[i], weights[i], g)
        if i > 0:
            g = gx * relu_grad(zs[i - 1])
    return grads_k, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_params = []
    for kernel, bias, d_kernel, d_bias in zip(weights, biases, grad_weights, grad_biases):
        new_params.append((kernel - learning_rate * d_kernel, bias - learning_rate * d_bias))
    return new_params
