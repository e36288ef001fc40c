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
    z = np.asarray(z)
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    N = np.shape(scores)[0]
    scores -= np.max(scores, axis=1, keepdims=True)
    probs = softmax(scores)
    dscores = probs.copy()
    dscores[np.arange(N), labels] -= 1
    dscores /= N
    return dscores


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    dout = np.asarray(grad_out, dtype=float)
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    num_layers = len(weights)

    # forward pass: cache the input of each affine layer and its output
    caches = []
    out = X
    for i in range(num_layers):
        W, b = weights[i], biases[i]
        scores = out.dot(W) + b
        caches.append((out, W, scores))
        if i < num_layers - 1:
            out = np.maximum(0, scores)

    # backward pass
    grads_W = [None] * num_layers
    grads_b = [None] * num_layers
    dout = softmax_cross_entropy_grad(caches[-1][2], labels)
    for i in range(num_layers - 1, -1, -1):
        x, W, _ = caches[i]
        dx, grads_W[i], grads_b[i] = dense_backward(x, W, dout)
        if i > 0:
            # backprop into the ReLU of the layer below
            dout = np.dot(dx, relu_grad(caches[i - 1][2]).T)
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_W = [W - learning_rate * dW for W, dW in zip(weights, grad_weights)]
    new_b = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_W, new_b
