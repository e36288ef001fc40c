from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z)
    return np.array(z > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    """error = y - output, like in the perceptron rule, averaged over the batch"""
    output = softmax(scores)
    y = np.eye(output.shape[1])[np.asarray(labels, dtype=int)]
    error = y - output
    return error / output.shape[0]


def dense_backward(inputs, weights, grad_out):
    inputs = np.atleast_2d(np.asarray(inputs, dtype=float))
    weights = np.asarray(weights, dtype=float)
    grad_out = np.atleast_2d(np.asarray(grad_out, dtype=float))
    grad_inputs = grad_out.dot(weights.T)
    grad_weights = inputs.T.dot(grad_out)
    grad_biases = grad_out.sum(axis=0)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    # forward
    a = np.asarray(inputs, dtype=float)
    saved = []
    for i, (w, b) in enumerate(zip(weights, biases)):
        z = a.dot(w) + b
        saved.append((a, z))
        a = np.maximum(z, 0) if i < len(weights) - 1 else z
    # backward: output layer gradient is just probs - onehot, divided by m
    probs = softmax(a)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    delta = (probs - onehot) / m
    grads_w, grads_b = [], []
    for i in reversed(range(len(weights))):
        a_prev, _ = saved[i]
        d_prev, gw, gb = dense_backward(a_prev, weights[i], delta)
        grads_w = [gw] + grads_w
        grads_b = [gb] + grads_b
        if i > 0:
            delta = d_prev * relu_grad(saved[i - 1][1])
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = float(learning_rate)
    return ([np.asarray(w, dtype=float) - lr * np.asarray(g, dtype=float) for w, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - lr * np.asarray(g, dtype=float) for b, g in zip(biases, grad_biases)])
