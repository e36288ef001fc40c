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
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    d_inputs = grad_out @ weights.T
    d_weights = inputs.T @ grad_out
    d_biases = grad_out.mean(axis=0)
    return d_inputs, d_weights, d_biases


def backward(inputs, weights, biases, labels):
    activations = [np.asarray(inputs, dtype=float)]
    zs = []
    for W, b in zip(weights, biases):
        z = activations[-1] @ W + b
        zs.append(z)
        activations.append(np.maximum(0, z))
    # output of the network
    delta = softmax_cross_entropy_grad(activations[-1], labels) * relu_grad(zs[-1])
    nabla_w = [None] * len(weights)
    nabla_b = [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        d_prev, nabla_w[l], nabla_b[l] = dense_backward(activations[l], weights[l], delta)
        if l > 0:
            delta = d_prev * relu_grad(zs[l - 1])
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
