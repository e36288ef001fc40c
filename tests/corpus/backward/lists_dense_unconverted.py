"""Backpropagation exercises (cs231n affine_backward, arrays assumed)."""

import numpy as np


def relu_grad(z):
    return (np.asarray(z) > 0).astype(float)


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
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):

    activations = [np.asarray(inputs, dtype=float)]
    zs = []
    for W, b in zip(weights, biases):
        z = activations[-1] @ W + b
        zs.append(z)
        activations.append(np.maximum(0, z))
    grad = softmax_cross_entropy_grad(zs[-1], labels)
    grad_weights = [None] * len(weights)
    grad_biases = [None] * len(weights)
    for layer in range(len(weights) - 1, -1, -1):
        grad_in, grad_weights[layer], grad_biases[layer] = dense_backward(
            activations[layer], weights[layer], grad
        )
        if layer > 0:
            grad = grad_in * relu_grad(zs[layer - 1])
    return grad_weights, grad_biases


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    new_b = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_w, new_b
