from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return (z > 0).astype(z.dtype)


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    idx = np.asarray(labels, dtype=int)
    p[np.arange(len(idx)), idx] -= 1.0
    return p / len(idx)


def dense_backward(inputs, weights, grad_out):
    # parameters' grads first (like .weight.grad, .bias.grad), then the grad to pass down
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    weight_grad = x.T @ g
    bias_grad = g.sum(0)
    input_grad = g @ w.T
    return weight_grad, bias_grad, input_grad


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    saved = []
    for w, b in zip(weights, biases):
        z = x @ w + b
        saved.append((x, z))
        x = np.maximum(z, 0)
    g = softmax_cross_entropy_grad(saved[-1][1], labels)
    wg, bg = [], []
    for i in reversed(range(len(weights))):
        xin = saved[i][0]
        wg.append(xin.T @ g)
        bg.append(g.sum(0))
        if i > 0:
            g = (g @ weights[i].T) * (saved[i - 1][1] > 0)
    return wg[::-1], bg[::-1]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(weights, grad_weights)],
            [b - learning_rate * g for b, g in zip(biases, grad_biases)])
