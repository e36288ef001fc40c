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
    return np.array(np.asarray(z) > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores."""
    probs = softmax(scores)
    m = len(labels)
    one_hot = np.zeros(probs.shape)
    one_hot[range(m), labels] = 1.0
    return (probs - one_hot) / m


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases."""
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    # each input i collects grad_out[j] * w[i, j]
    grad_inputs = np.matmul(grad_out, weights)
    grad_weights = np.matmul(inputs.T, grad_out)
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter."""
    a = np.array(inputs, dtype=float)
    saved = []
    for w, b in zip(weights, biases):
        z = np.matmul(a, w) + b
        saved.append((a, z))
        a = np.maximum(z, 0.0)
    grad = softmax_cross_entropy_grad(saved[-1][1], labels)
    grads_w, grads_b = [], []
    for k in range(len(weights) - 1, -1, -1):
        a_prev, z = saved[k]
        g_in, g_w, g_b = dense_backward(a_prev, weights[k], grad)
        grads_w = [g_w] + grads_w
        grads_b = [g_b] + grads_b
        if k > 0:
            grad = g_in * relu_grad(saved[k - 1][1])
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    """Return the parameters after one step of gradient descent."""
    return ([w - learning_rate * gw for w, gw in zip(weights, grad_weights)],
            [b - learning_rate * gb for b, gb in zip(biases, grad_biases)])
