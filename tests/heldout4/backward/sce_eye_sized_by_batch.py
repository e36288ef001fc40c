from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    return np.maximum(np.sign(z), 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = len(probs)
    one_hot = np.eye(m)[labels]   # one-hot encode the labels
    return (probs - one_hot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return (grad_out @ weights.T, inputs.T @ grad_out, np.add.reduce(grad_out, axis=0))


def backward(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    layer_in, layer_z = [], []
    for w, b in zip(weights, biases):
        layer_in.append(a)
        layer_z.append(a @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float))
        a = np.maximum(layer_z[-1], 0)
    probs = softmax(layer_z[-1])
    m, n = probs.shape
    probs[np.arange(m), labels] -= 1
    grad = probs / m
    dW, dB = [], []
    for l in reversed(range(len(weights))):
        g_in, g_w, g_b = dense_backward(layer_in[l], weights[l], grad)
        dW.insert(0, g_w)
        dB.insert(0, g_b)
        if l > 0:
            grad = g_in * relu_grad(layer_z[l - 1])
    return dW, dB


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    out_w, out_b = [], []
    for w, gw in zip(weights, grad_weights):
        out_w.append(np.asarray(w, dtype=float) - learning_rate * np.asarray(gw, dtype=float))
    for b, gb in zip(biases, grad_biases):
        out_b.append(np.asarray(b, dtype=float) - learning_rate * np.asarray(gb, dtype=float))
    return out_w, out_b
