"""Backpropagation exercises."""

import numpy as np


def relu_grad(z):
    z[z > 0] = 1
    z[z <= 0] = 0
    return z


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
    dW = np.dot(inputs.T, grad_out)
    db = np.sum(grad_out, axis=0)
    dX = np.dot(grad_out, weights.T)
    return dX, dW, db


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
