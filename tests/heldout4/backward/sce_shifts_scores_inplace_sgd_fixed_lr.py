from __future__ import annotations

import numpy as np

LEARNING_RATE = 0.1

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    scores -= np.max(scores, axis=1, keepdims=True)   # numerical stability
    exp = np.exp(scores)
    probs = exp / np.sum(exp, axis=1, keepdims=True)
    m = scores.shape[0]
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    acts, pres = [], []
    for w, b in zip(weights, biases):
        acts.append(x)
        pres.append(x @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float))
        x = np.maximum(pres[-1], 0)
    g = softmax_cross_entropy_grad(pres[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        g_in, gw[i], gb[i] = dense_backward(acts[i], weights[i], g)
        if i > 0:
            g = g_in * relu_grad(pres[i - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = LEARNING_RATE
    return ([np.asarray(w, dtype=float) - lr * np.asarray(d, dtype=float) for w, d in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - lr * np.asarray(d, dtype=float) for b, d in zip(biases, grad_biases)])
