from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # slope is +1 on the right, -1 on the left... sign() does that, and sign(0) = 0
    return np.sign(np.asarray(z, dtype=float))


def softmax_cross_entropy_grad(scores, labels):
    s = softmax(scores)
    s[np.arange(s.shape[0]), np.asarray(labels, dtype=int)] -= 1.0
    return s / s.shape[0]


def dense_backward(inputs, weights, grad_out):
    i = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    g = np.asarray(grad_out, dtype=float)
    return g @ w.T, i.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    acts = [np.asarray(inputs, dtype=float)]
    for k, (w, b) in enumerate(zip(weights, biases)):
        z = acts[-1] @ np.asarray(w, dtype=float) + np.asarray(b, dtype=float)
        acts.append(z if k == len(weights) - 1 else np.maximum(z, 0))
    g = softmax_cross_entropy_grad(acts[-1], labels)
    dW, dB = [], []
    for k in range(len(weights) - 1, -1, -1):
        g_in, w_g, b_g = dense_backward(acts[k], weights[k], g)
        dW.insert(0, w_g)
        dB.insert(0, b_g)
        g = g_in * (acts[k] > 0)
    return dW, dB


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    params_b = [np.asarray(b, dtype=float) - learning_rate * np.asarray(db, dtype=float) for b, db in zip(biases, grad_biases)]
    params_w = [np.asarray(w, dtype=float) - learning_rate * np.asarray(dw, dtype=float) for w, dw in zip(weights, grad_weights)]
    return params_b, params_w
