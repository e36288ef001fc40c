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
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    y = np.zeros_like(probs)
    y[np.arange(m), labels] = 1
    # loss is the mean over the rows -> take the mean over the rows
    return np.mean(probs - y, axis=0)


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    layer_inputs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        layer_inputs.append(a)
        z = a @ w + b
        zs.append(z)
        a = np.maximum(0, z)
    grads_w, grads_b = [], []
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    for l in reversed(range(len(weights))):
        delta = delta * relu_grad(zs[l])       # through the activation
        d_in, dw, db = dense_backward(layer_inputs[l], weights[l], delta)
        grads_w.insert(0, dw)
        grads_b.insert(0, db)
        delta = d_in
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [np.asarray(w, dtype=float) - learning_rate * np.asarray(g, dtype=float)
                   for w, g in zip(weights, grad_weights)]
    new_biases = [np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float)
                  for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
