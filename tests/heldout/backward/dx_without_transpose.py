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
    h = np.asarray(z, dtype=float)
    grad_h = np.ones_like(h)
    grad_h[h <= 0] = 0
    return grad_h


def softmax_cross_entropy_grad(scores, labels):
    y_pred = softmax(scores)
    N = y_pred.shape[0]
    grad_y_pred = y_pred.copy()
    grad_y_pred[np.arange(N), np.asarray(labels)] -= 1.0
    return grad_y_pred / N


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    grad_y = np.asarray(grad_out, dtype=float)
    grad_w = x.T.dot(grad_y)
    grad_b = grad_y.sum(0)
    grad_x = grad_y.dot(w)
    return grad_x, grad_w, grad_b


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=float)
    hs = []       # pre-activations
    xs = [x]      # inputs to every layer
    for t, (w, b) in enumerate(zip(weights, biases)):
        h = xs[-1].dot(w) + b
        hs.append(h)
        h_relu = np.maximum(h, 0)
        xs.append(h_relu)

    grad_ws = [None for _ in weights]
    grad_bs = [None for _ in biases]
    grad_h = softmax_cross_entropy_grad(hs[-1], labels)
    for t in range(len(weights) - 1, -1, -1):
        grad_h_relu, grad_ws[t], grad_bs[t] = dense_backward(xs[t], weights[t], grad_h)
        if t == 0:
            break
        grad_h = grad_h_relu * relu_grad(hs[t - 1])
    return grad_ws, grad_bs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    w_new = []
    b_new = []
    for w, grad_w in zip(weights, grad_weights):
        w_new.append(w - learning_rate * grad_w)
    for b, grad_b in zip(biases, grad_biases):
        b_new.append(b - learning_rate * grad_b)
    return w_new, b_new
