import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.greater(z, 0).astype(np.float64)


def softmax_cross_entropy_grad(scores, labels):
    """(softmax(scores) - onehot(labels)) / m"""
    p = softmax(scores)
    m, n = p.shape
    y = np.eye(n)[np.asarray(labels)]
    return (p - y) / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    A = [np.asarray(inputs, dtype=float)]
    for i, (W, b) in enumerate(zip(weights, biases)):
        Z = A[-1] @ W + b
        A.append(np.maximum(0, Z) if i < len(weights) - 1 else Z)
    dZ = softmax_cross_entropy_grad(A[-1], labels)
    dW_list, db_list = [None] * len(weights), [None] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        dA, dW_list[i], db_list[i] = dense_backward(A[i], weights[i], dZ)
        dZ = np.multiply(dA, np.int64(A[i] >= 0))
    return dW_list, db_list


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
