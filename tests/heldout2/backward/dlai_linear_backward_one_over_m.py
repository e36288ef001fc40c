# linear_backward from the deeplearning.ai assignment:
#     dW = 1/m * np.dot(dZ, A_prev.T);  db = 1/m * np.sum(dZ, axis=1, keepdims=True);  dA_prev = np.dot(W.T, dZ)
# turned around for rows-are-examples.
from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    Z = np.array(z, dtype=float)
    dZ = np.ones(Z.shape)
    dZ[Z <= 0] = 0
    return dZ


def softmax_cross_entropy_grad(scores, labels):
    AL = softmax(scores)
    m = AL.shape[0]
    Y = np.zeros(AL.shape)
    Y[np.arange(m), labels] = 1
    dZL = AL - Y  # the 1/m is applied in linear_backward
    return dZL


def dense_backward(inputs, weights, grad_out):
    A_prev = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    m = A_prev.shape[0]
    dW = 1 / m * np.dot(A_prev.T, dZ)
    db = 1 / m * np.sum(dZ, axis=0)
    dA_prev = np.dot(dZ, W.T)
    return dA_prev, dW, db


def backward(inputs, weights, biases, labels):
    L = len(weights)
    caches = []
    A = np.array(inputs, dtype=float)
    for l in range(L):
        Z = np.dot(A, weights[l]) + biases[l]
        caches.append((A, Z))
        A = np.maximum(0, Z)
    grads = {}
    dZ = softmax_cross_entropy_grad(caches[L - 1][1], labels)
    for l in reversed(range(L)):
        A_prev, Z = caches[l]
        grads["dW" + str(l + 1)] = np.dot(A_prev.T, dZ)
        grads["db" + str(l + 1)] = np.sum(dZ, axis=0)
        if l > 0:
            dA_prev = np.dot(dZ, weights[l].T)
            dZ = dA_prev * relu_grad(caches[l - 1][1])
    return [grads["dW" + str(l + 1)] for l in range(L)], [grads["db" + str(l + 1)] for l in range(L)]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    parameters_W = [weights[l] - learning_rate * grad_weights[l] for l in range(len(weights))]
    parameters_b = [biases[l] - learning_rate * grad_biases[l] for l in range(len(biases))]
    return parameters_W, parameters_b
