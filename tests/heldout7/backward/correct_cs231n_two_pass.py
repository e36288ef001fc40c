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
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores."""
    N = np.shape(scores)[0]
    dscores = softmax(scores)          # fresh array, safe to edit
    dscores[np.arange(N), labels] -= 1
    dscores /= N
    return dscores


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dout = np.asarray(grad_out, dtype=float)
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    # forward pass, keep a cache per layer like the cs231n layers do
    caches = []
    out = np.asarray(inputs, dtype=float)
    L = len(weights)
    for i in range(L):
        z = out.dot(weights[i]) + biases[i]
        caches.append((out, z))
        out = np.maximum(0, z) if i < L - 1 else z

    grads_W = [None] * L
    grads_b = [None] * L
    dout = softmax_cross_entropy_grad(out, labels)
    for i in range(L - 1, -1, -1):
        x, z = caches[i]
        if i < L - 1:
            dout = dout * relu_grad(z)
        dout, grads_W[i], grads_b[i] = dense_backward(x, weights[i], dout)
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    W = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    b = [bb - learning_rate * g for bb, g in zip(biases, grad_biases)]
    return W, b
