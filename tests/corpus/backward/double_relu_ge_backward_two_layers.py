"""Backpropagation exercises."""

import numpy as np


def relu_grad(z):
    return (np.asarray(z) >= 0).astype(float)


def _softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy_grad(scores, labels):
    # cs231n: dscores = probs; dscores[range(N), y] -= 1; dscores /= N
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    num_examples = scores.shape[0]
    dscores = _softmax(scores)
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):

    W1, W2 = weights
    b1, b2 = biases
    X = np.asarray(inputs, dtype=float)
    m = X.shape[0]
    Z1 = X @ W1 + b1
    A1 = np.maximum(0, Z1)
    Z2 = A1 @ W2 + b2
    E = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    dZ2 = P.copy()
    dZ2[np.arange(m), labels] -= 1
    dZ2 /= m
    dW2 = A1.T @ dZ2
    db2 = dZ2.sum(axis=0)
    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return [dW1, dW2], [db1, db2]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    new_b = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_w, new_b
