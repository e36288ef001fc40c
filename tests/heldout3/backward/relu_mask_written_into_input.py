import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.asarray(z, dtype=float)
    z[z <= 0] = 0
    z[z > 0] = 1
    return z


def softmax_cross_entropy_grad(scores, labels):
    """(softmax(scores) - onehot(labels)) / m"""
    p = softmax(scores)
    m, n = p.shape
    y = np.eye(n)[np.asarray(labels)]
    return (p - y) / m


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    L = len(weights)
    cache = {"A0": np.asarray(inputs, dtype=float)}
    for l in range(1, L + 1):
        cache["Z" + str(l)] = cache["A" + str(l - 1)] @ weights[l - 1] + biases[l - 1]
        cache["A" + str(l)] = np.maximum(0, cache["Z" + str(l)])
    grads = {}
    dZ = softmax_cross_entropy_grad(cache["Z" + str(L)], labels)
    for l in reversed(range(1, L + 1)):
        dA_prev, grads["dW" + str(l)], grads["db" + str(l)] = dense_backward(
            cache["A" + str(l - 1)], weights[l - 1], dZ)
        if l > 1:
            dZ = dA_prev * relu_grad(cache["Z" + str(l - 1)])
    return ([grads["dW" + str(l)] for l in range(1, L + 1)],
            [grads["db" + str(l)] for l in range(1, L + 1)])


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = []
    new_b = []
    for i in range(len(weights)):
        new_w.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_b.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_w, new_b
