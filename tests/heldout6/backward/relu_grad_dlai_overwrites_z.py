from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


# deeplearning.ai week 4 helpers, adapted to rows = examples


def relu_grad(z):
    Z = np.asarray(z)
    Z[Z <= 0] = 0
    Z[Z > 0] = 1
    return Z.astype(float)


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    m = AL.shape[0]
    Y = np.zeros(AL.shape)
    Y[np.arange(m), labels] = 1
    dZL = (1. / m) * (AL - Y)
    return dZL


def dense_backward(inputs, weights, grad_out):
    A_prev = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    dZ = np.asarray(grad_out, dtype=float)
    dW = np.dot(A_prev.T, dZ)
    db = np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def relu_backward(dA, cache):
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def backward(inputs, weights, biases, labels):
    A = np.asarray(inputs, dtype=float)
    caches = []
    L = len(weights)
    for l in range(L):
        Z = A @ weights[l] + biases[l]
        caches.append((A, Z))
        A = np.maximum(0, Z)
    grads = {}
    dZ = softmax_cross_entropy_grad(caches[L - 1][1], labels)
    for l in reversed(range(L)):
        A_prev, _ = caches[l]
        dA_prev, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dense_backward(A_prev, weights[l], dZ)
        if l > 0:
            dZ = relu_backward(dA_prev, caches[l - 1][1])
    return [grads["dW" + str(l)] for l in range(1, L + 1)], [grads["db" + str(l)] for l in range(1, L + 1)]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    L = len(weights)
    new_W = [weights[l] - learning_rate * grad_weights[l] for l in range(L)]
    new_b = [biases[l] - learning_rate * grad_biases[l] for l in range(L)]
    return new_W, new_b
