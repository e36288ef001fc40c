from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.array(np.asarray(z) > 0, dtype=float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    onehot = np.eye(probs.shape[-1])[labels]
    return (probs - onehot) / probs.shape[0]


def dense_backward(inputs, weights, grad_out):
    x, w, g = np.asarray(inputs, float), np.asarray(weights, float), np.asarray(grad_out, float)
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    n_layers = len(weights)
    xs, zs = [np.asarray(inputs, float)], []
    for k in range(n_layers):
        zs.append(xs[k] @ weights[k] + biases[k])
        xs.append(np.maximum(zs[k], 0))
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gws, gbs = [], []
    for k in reversed(range(n_layers)):
        gx, gw, gb = dense_backward(xs[k], weights[k], g)
        gws.insert(0, gw)
        gbs.insert(0, gb)
        if k:
            g = gx * relu_grad(zs[k - 1])
    return gws, gbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    # vectorised: update all layers at once
    W = np.array(weights)
    B = np.array(biases)
    new_W = W - learning_rate * np.array(grad_weights)
    new_B = B - learning_rate * np.array(grad_biases)
    return list(new_W), list(new_B)
