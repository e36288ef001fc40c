import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    out = np.zeros_like(z)
    for idx in np.ndindex(z.shape):
        if z[idx] > 0:
            out[idx] = 1.0
    return out


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = len(p)
    grad = np.empty_like(p)
    for i in range(m):
        row = p[i].copy()
        row[int(labels[i])] -= 1.0
        grad[i] = row / m
    return grad


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    h = np.asarray(inputs, dtype=float)
    hs, zs = [h], []
    for W, b in zip(weights, biases):
        zs.append(hs[-1] @ W + b)
        hs.append(np.maximum(0, zs[-1]))
    g = softmax_cross_entropy_grad(zs[-1], labels)
    dWs, dbs = [], []
    for i in range(len(weights) - 1, -1, -1):
        if i < len(weights) - 1:
            g = g * relu_grad(zs[i])
        g_in, dW, db = dense_backward(hs[i], weights[i], g)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        g = g_in
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w + learning_rate * g for w, g in zip(weights, grad_weights)]
    new_biases = [b + learning_rate * g for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
