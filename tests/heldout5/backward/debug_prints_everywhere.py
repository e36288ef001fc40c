# HW backprop -- printing everything to compare with the worked example

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
    onehot[np.arange(m), np.asarray(labels, dtype=int)] = 1.0
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1] @ W + b)
        A.append(np.maximum(0, Z[-1]))
        print("forward: Z =", Z[-1])
        print("forward: A =", A[-1])
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    print("dZ_L =", dZ)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        dA, dW, db = dense_backward(A[l], weights[l], dZ)
        print(f"layer {l + 1}: dW =\n{dW}\ndb = {db}\ndA =\n{dA}")
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dZ = dA * relu_grad(Z[l - 1])
            print("mask:", relu_grad(Z[l - 1]))
    print("=" * 40)
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [np.asarray(w, dtype=float) - learning_rate * np.asarray(g, dtype=float)
                   for w, g in zip(weights, grad_weights)]
    new_biases = [np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float)
                  for b, g in zip(biases, grad_biases)]
    return new_weights, new_biases
