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
    onehot[np.arange(m), labels] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    h = [np.asarray(inputs, dtype=float)]
    zs = []
    for W, b in zip(weights, biases):
        zs.append(h[-1] @ W + b)
        h.append(np.maximum(zs[-1], 0))
    d = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [], []
    for l in range(len(weights) - 1, -1, -1):
        dx, w_, b_ = dense_backward(h[l], weights[l], d)
        gw.insert(0, w_)
        gb.insert(0, b_)
        if l > 0:
            d = dx * relu_grad(zs[l - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    lr = float(learning_rate)
    W_new = [np.subtract(W, lr * dW) for W, dW in zip(weights, grad_weights)]
    b_new = [np.subtract(b, lr * db) for b, db in zip(biases, grad_biases)]
    return W_new, b_new


# ---- training (from the last cell of my notebook) ----
params_W = [np.random.randn(784, 64) * 0.01, np.random.randn(64, 10) * 0.01]
params_b = [np.zeros(64), np.zeros(10)]
for epoch in range(3):
    gW, gb = backward(X_train, params_W, params_b, y_train)
    params_W, params_b = sgd_step(params_W, params_b, gW, gb, 0.1)
    print("epoch", epoch, "done")
