"""Backpropagation exercises: fill in the five functions below.

Conventions (the same as forward propagation's): examples are rows, inputs have
shape (m, n_in); a layer's weights have shape (n_in, n_out) and its biases (n_out,);
hidden layers apply ReLU, the output layer is linear, softmax turns its scores into
probabilities and the loss is the MEAN cross-entropy over the m rows; labels are
class indices, shape (m,). No function may modify its arguments.

Check your work with:  grade backward.py
"""

from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """Return ReLU's derivative at z: 1.0 where z > 0, else 0.0, with z's shape.

    z is an array of pre-activations (any shape); the result is a float array
    of the same shape. At z == 0 the derivative is taken to be 0. z is not
    modified.

    Examples: relu_grad([3, -3]) == [1, 0]; relu_grad([2, 0, -1]) == [1, 0, 0];
    the deep-ReLU network's first layer, Z1 = [[26, -13]], gives [[1, 0]].
    """
    z = np.asarray(z, dtype=float)
    return np.maximum(0, z)


def softmax_cross_entropy_grad(scores, labels):
    """Return the gradient of the mean cross-entropy loss with respect to the scores.

    scores has shape (m, n): one row of raw scores per example; labels has
    shape (m,): each example's class index. The result has shape (m, n):
    (softmax(scores) - onehot(labels)) / m, where onehot(labels)[i, labels[i]]
    is 1 and every other entry 0. Use the stable softmax above.

    Examples: the bank classifier's scores [[9, 9]] with label [0] give
    [[-0.5, 0.5]]; scores [[0, 0], [0, 0]] with labels [0, 1] give
    [[-0.25, 0.25], [0.25, -0.25]]; scores [[1000, 0]] with label [1] give
    [[1, -1]].
    """
    probs = softmax(scores)
    m = len(probs)
    grad = np.empty_like(probs)
    for i in range(m):
        target = np.zeros(probs.shape[1])
        target[int(labels[i])] = 1.0
        grad[i] = (probs[i] - target) / m
    return grad


def dense_backward(inputs, weights, grad_out):
    """Backpropagate through z = inputs @ weights + biases.

    inputs has shape (m, n_in), weights (n_in, n_out), and grad_out (m, n_out)
    is the gradient of the loss with respect to z. Returns the tuple
    (grad_inputs, grad_weights, grad_biases) = (grad_out @ weights.T,
    inputs.T @ grad_out, grad_out.sum(axis=0)), of shapes (m, n_in),
    (n_in, n_out) and (n_out,): the shapes of inputs, weights and biases.

    Bank output layer: dense_backward([[5, 1]], [[2, 1], [-1, 4]], [[-0.5, 0.5]])
    gives ([[-0.5, 2.5]], [[-2.5, 2.5], [-0.5, 0.5]], [-0.5, 0.5]).
    """
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    """Return the gradients of the mean cross-entropy loss for every parameter.

    inputs has shape (m, n_0); weights is a list of L matrices, layer l's of
    shape (n_l, n_(l+1)); biases a list of L vectors of shape (n_(l+1),);
    labels has shape (m,), class indices. The network is forward's: ReLU after
    every layer but the last, whose scores go into softmax and the mean
    cross-entropy loss. Returns the tuple (grad_weights, grad_biases): two
    lists, in the layers' order, each gradient of its parameter's shape.

    Bank classifier: inputs [[2, 3]], weights [[1, -1], [1, 1]] and
    [[2, 1], [-1, 4]], zero biases, labels [0] give grad_weights
    [[[-1, 5], [-1.5, 7.5]], [[-2.5, 2.5], [-0.5, 0.5]]] and grad_biases
    [[-0.5, 2.5], [-0.5, 0.5]].
    """
    A = [np.asarray(inputs, dtype=float)]
    Z = []
    for W, b in zip(weights, biases):
        Z.append(A[-1] @ W + b)
        A.append(np.maximum(0, Z[-1]))
    dZ = softmax_cross_entropy_grad(Z[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        dA, dW, db = dense_backward(A[l], weights[l], dZ)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dZ = dA * relu_grad(Z[l - 1])
    return dWs, dbs


def sgd_step(
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    grad_weights: list[np.ndarray],
    grad_biases: list[np.ndarray],
    learning_rate: float,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Return the parameters after one step of gradient descent.

    weights and biases are lists of arrays (a network's parameters),
    grad_weights and grad_biases lists of arrays of the same shapes, and
    learning_rate a number. Returns the tuple (new_weights, new_biases) of new
    lists, each parameter p replaced by p - learning_rate * grad_p. The
    arguments are not modified.

    Bank example, learning rate 0.1: weights [[1, -1], [1, 1]] and
    [[2, 1], [-1, 4]] with the gradients from backward become
    [[1.1, -1.5], [1.15, 0.25]] and [[2.25, 0.75], [-0.95, 3.95]]; zero
    biases become [0.05, -0.25] and [0.05, -0.05].
    """
    lr = float(learning_rate)
    new_weights: list[np.ndarray] = [np.subtract(w, lr * dw) for w, dw in zip(weights, grad_weights)]
    new_biases: list[np.ndarray] = [np.subtract(b, lr * db) for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
