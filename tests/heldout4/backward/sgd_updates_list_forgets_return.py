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
    m = len(probs)
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(v, dtype=float) for v in (inputs, weights, grad_out))
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    a_list, z_list = [a], []
    for i in range(len(weights)):
        z = np.dot(a_list[i], weights[i]) + biases[i]
        z_list.append(z)
        a_list.append(np.maximum(z, 0))
    grad = softmax_cross_entropy_grad(z_list[-1], labels)
    gw = []
    gb = []
    i = len(weights) - 1
    while i >= 0:
        g_in, w_grad, b_grad = dense_backward(a_list[i], weights[i], grad)
        gw = [w_grad] + gw
        gb = [b_grad] + gb
        if i > 0:
            grad = g_in * relu_grad(z_list[i - 1])
        i -= 1
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = list(weights)
    new_biases = list(biases)
    for i in range(len(weights)):
        new_weights[i] = np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i])
        new_biases[i] = np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i])
    print("step done, lr =", learning_rate)
