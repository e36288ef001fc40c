from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z) > 0) * np.float64(1)


def softmax_cross_entropy_grad(scores, labels):
    x = np.asarray(scores, dtype=float)
    e_x = np.exp(x - np.max(x))
    probs = e_x / e_x.sum()
    n = x.shape[0]
    probs[range(n), labels] -= 1
    return probs / n


def dense_backward(inputs, weights, grad_out):
    a = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    d = np.asarray(grad_out, dtype=float)
    return np.dot(d, w.T), np.dot(a.T, d), np.sum(d, axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    hist = []
    for w, b in zip(weights, biases):
        z = np.dot(a, w) + b
        hist.append((a, z))
        a = np.maximum(z, 0)
    d = softmax_cross_entropy_grad(hist[-1][1], labels)
    out_w = [None] * len(hist)
    out_b = [None] * len(hist)
    for i in reversed(range(len(hist))):
        d_in, out_w[i], out_b[i] = dense_backward(hist[i][0], weights[i], d)
        if i > 0:
            d = d_in * relu_grad(hist[i - 1][1])
    return out_w, out_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [np.array(w, dtype=float) for w in weights]
    new_b = [np.array(b, dtype=float) for b in biases]
    for k in range(len(new_w)):
        new_w[k] -= learning_rate * np.asarray(grad_weights[k])
        new_b[k] -= learning_rate * np.asarray(grad_biases[k])
    return new_w, new_b
