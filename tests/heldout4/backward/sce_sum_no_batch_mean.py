from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z) > 0).astype(np.float64)


def softmax_cross_entropy_grad(scores, labels):
    # the famous result: dL/dlogits = softmax - onehot
    y = softmax(scores)
    target = np.zeros_like(y)
    target[np.arange(len(y)), labels] = 1
    return y - target


def dense_backward(inputs, weights, grad_out):
    x = np.asarray(inputs, float)
    w = np.asarray(weights, float)
    g = np.asarray(grad_out, float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    x = np.asarray(inputs, float)
    layers = list(zip(weights, biases))
    xs, zs = [], []
    for k, (w, b) in enumerate(layers):
        xs.append(x)
        z = x @ np.asarray(w, float) + np.asarray(b, float)
        zs.append(z)
        x = np.maximum(0, z)
    m = len(x)
    g = softmax_cross_entropy_grad(zs[-1], labels) / m   # average over the batch
    gws, gbs = [], []
    for k in reversed(range(len(layers))):
        g_in, gw, gb = dense_backward(xs[k], layers[k][0], g)
        gws.append(gw)
        gbs.append(gb)
        if k > 0:
            g = g_in * relu_grad(zs[k - 1])
    gws.reverse()
    gbs.reverse()
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([w - learning_rate * g for w, g in zip(map(np.asarray, weights), map(np.asarray, grad_weights))],
            [b - learning_rate * g for b, g in zip(map(np.asarray, biases), map(np.asarray, grad_biases))])
