from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.greater(z, 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    # dL/dz = dL/da * da/dz ; da/dz = a * (1 - a)  (derivative of the activation)
    a = softmax(scores)
    m = a.shape[0]
    y = np.zeros_like(a)
    y[np.arange(m), labels] = 1
    dL_da = a - y
    return dL_da * a * (1 - a) / m


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, dtype=np.float64)
    W = np.asarray(weights, dtype=np.float64)
    d = np.asarray(grad_out, dtype=np.float64)
    return np.matmul(d, W.T), np.matmul(x.T, d), np.sum(d, axis=0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, dtype=np.float64)
    ins, zs = [], []
    for w, b in zip(weights, biases):
        ins.append(x)
        z = np.matmul(x, w) + b
        zs.append(z)
        x = np.maximum(z, 0)
    a = softmax(zs[-1])
    m = a.shape[0]
    a[np.arange(m), labels] -= 1
    d = a / m
    gw, gb = [0] * len(weights), [0] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        di, gw[i], gb[i] = dense_backward(ins[i], weights[i], d)
        d = di * relu_grad(zs[i - 1]) if i > 0 else None
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = list(map(lambda p: np.asarray(p[0], float) - learning_rate * np.asarray(p[1], float), zip(weights, grad_weights)))
    new_b = list(map(lambda p: np.asarray(p[0], float) - learning_rate * np.asarray(p[1], float), zip(biases, grad_biases)))
    return new_w, new_b
