# cs231n-style layers adapted to the course's conventions
# (x rows, w (D, M))

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # like cs231n's relu_backward: start from ones and zero out where x <= 0
    z = np.asarray(z, dtype=float)
    dz = np.ones_like(z)
    dz[z <= 0] = 0.0
    return dz


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_train = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_train), labels] -= 1
    dscores /= num_train
    return dscores


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    cache = []
    a = np.array(inputs, dtype=float)
    L = len(weights)
    for l in range(L):
        z = np.dot(a, weights[l]) + biases[l]
        cache.append(a)
        a = np.maximum(0, z) if l < L - 1 else z
    dz = softmax_cross_entropy_grad(a, labels)
    grads_w = [None] * L
    grads_b = [None] * L
    for l in reversed(range(L)):
        da, grads_w[l], grads_b[l] = dense_backward(cache[l], weights[l], dz)
        if l > 0:
            dz = da * (cache[l] > 0)      # mask from the activation A = relu(Z)
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = []
    new_biases = []
    for i in range(len(weights)):
        new_weights.append(weights[i] - learning_rate * grad_weights[i])
        new_biases.append(biases[i] - learning_rate * grad_biases[i])
    return new_weights, new_biases
