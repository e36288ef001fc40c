"""Backpropagation exercises."""

import numpy as np


def relu_grad(z):
    # like Activation_ReLU.backward in the nnfs book
    dinputs = np.ones_like(z, dtype=float)
    dinputs[np.asarray(z) <= 0] = 0
    return dinputs


def softmax_cross_entropy_grad(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    m, n = np.shape(scores)
    grad = np.zeros((m, n))
    for i in range(m):
        row = scores[i] - max(scores[i])
        exps = np.exp(row)
        probs = exps / exps.sum()
        for j in range(n):
            grad[i, j] = (probs[j] - (1.0 if j == labels[i] else 0.0)) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):

    x = np.asarray(inputs, dtype=float)
    m = x.shape[0]
    acts, zs = [x], []
    for W, b in zip(weights, biases):
        zs.append(acts[-1] @ W + b)
        acts.append(np.maximum(0, zs[-1]))
    s = zs[-1] - zs[-1].max(axis=1, keepdims=True)
    p = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
    delta = p.copy()
    delta[np.arange(m), labels] -= 1
    delta /= m

    nabla_w, nabla_b = [], []
    for l in range(len(weights) - 1, -1, -1):
        nabla_w.insert(0, acts[l].T @ delta)
        nabla_b.insert(0, delta.sum(axis=0))
        if l > 0:
            delta = (delta @ weights[l].T) * (zs[l - 1] > 0)
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = []
    new_biases = []
    for i in range(len(weights)):
        new_weights.append(np.subtract(weights[i], learning_rate * grad_weights[i]))
        new_biases.append(np.subtract(biases[i], learning_rate * grad_biases[i]))
    return new_weights, new_biases
