"""Backpropagation exercises: fill in the five functions below.

Conventions (the same as forward propagation's): examples are rows, inputs have
shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
class indices, shape (m,). No function may modify its arguments.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    dz = np.ones_like(z)
    dz[z <= 0] = 0
    return dz


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    N = probs.shape[0]
    dscores = probs.copy()
    dscores[range(N), labels] -= 1
    dscores /= N
    return dscores


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dout = np.asarray(grad_out, dtype=float)
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = np.sum(dout, axis=0)
    assert dw.shape == w.shape and dx.shape == x.shape, (dw.shape, dx.shape)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    # forward pass, cache (x, z) for every layer
    caches = []
    out = np.asarray(inputs, dtype=float)
    L = len(weights)
    for i in range(L):
        z = out.dot(weights[i]) + biases[i]
        caches.append((out, z))
        out = np.maximum(0, z) if i < L - 1 else z

    dout = softmax_cross_entropy_grad(caches[-1][1], labels)
    grads_w = [None] * L
    grads_b = [None] * L
    for i in reversed(range(L)):
        x, _ = caches[i]
        dx, grads_w[i], grads_b[i] = dense_backward(x, weights[i], dout)
        if i > 0:
            dout = dx * relu_grad(caches[i - 1][1])
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_b = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_w, new_b
