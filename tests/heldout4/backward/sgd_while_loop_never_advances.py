from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.eye(probs.shape[1])[np.asarray(labels, dtype=int)]
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    xs, zs = [], []
    for w, b in zip(weights, biases):
        xs.append(x)
        zs.append(x @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float))
        x = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    out_w, out_b = [None] * len(weights), [None] * len(weights)
    layer = len(weights) - 1
    while layer >= 0:
        g_in, out_w[layer], out_b[layer] = dense_backward(xs[layer], weights[layer], g)
        if layer > 0:
            g = g_in * relu_grad(zs[layer - 1])
        layer -= 1
    return out_w, out_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights, new_biases = [], []
    i = 0
    while i < len(weights):
        new_weights.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_biases.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    i += 1
    return new_weights, new_biases
