from __future__ import annotations

import numpy as np

DEBUG = True


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    if DEBUG:
        print("relu_grad in:", z)
    out = (z > 0) * 1.0
    if DEBUG:
        print("relu_grad out:", out)
    return out


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    if DEBUG:
        print("probs", p, "labels", labels)
    m = p.shape[0]
    d = p.copy()
    d[np.arange(m), labels] -= 1
    return d / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    if DEBUG:
        print("shapes:", inputs.shape, weights.shape, grad_out.shape)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def _loss(inputs, weights, biases, labels):
    a = np.asarray(inputs, dtype=float)
    for k, (w, b) in enumerate(zip(weights, biases)):
        a = a @ w + b
        if k < len(weights) - 1:
            a = np.maximum(0, a)
    p = softmax(a)
    return -np.log(p[np.arange(len(labels)), labels]).mean()


def backward(inputs, weights, biases, labels):
    acts = [np.asarray(inputs, dtype=float)]
    zs = []
    for w, b in zip(weights, biases):
        zs.append(acts[-1] @ w + b)
        acts.append(np.maximum(0, zs[-1]))
        if DEBUG:
            print("forward z =", zs[-1])
    gw = [None] * len(weights)
    gb = [None] * len(weights)
    d = softmax_cross_entropy_grad(zs[-1], labels)
    for l in range(len(weights) - 1, -1, -1):
        da, gw[l], gb[l] = dense_backward(acts[l], weights[l], d)
        if l > 0:
            d = da * relu_grad(zs[l - 1])
    if DEBUG:
        # numerical gradient check on every weight, prints one line per weight
        eps = 1e-6
        for l, w in enumerate(weights):
            for idx in np.ndindex(w.shape):
                up = [x.copy() for x in weights]
                dn = [x.copy() for x in weights]
                up[l][idx] += eps
                dn[l][idx] -= eps
                num = (_loss(inputs, up, biases, labels) - _loss(inputs, dn, biases, labels)) / (2 * eps)
                print(f"W{l + 1}{list(idx)} backprop={gw[l][idx]:+.8f} numeric={num:+.8f}")
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    nw = [w - learning_rate * g for w, g in zip(weights, grad_weights)]
    nb = [b - learning_rate * g for b, g in zip(biases, grad_biases)]
    if DEBUG:
        for i, (a, b) in enumerate(zip(weights, nw)):
            print(f"layer {i}: |dW| = {np.abs(a - b).sum():.6f}")
    return nw, nb


if __name__ == "__main__":
    X = np.array([[2.0, 3.0]])
    Ws = [np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([[2.0, 1.0], [-1.0, 4.0]])]
    bs = [np.zeros(2), np.zeros(2)]
    print(backward(X, Ws, bs, np.array([0])))
