import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # heaviside(x, h) is 0 for x<0, 1 for x>0 and h at x == 0; we want 0 there
    return np.heaviside(np.asarray(z, dtype=float), 0.0)


def softmax_cross_entropy_grad(scores, labels):
    """(softmax(scores) - onehot(labels)) / m"""
    p = softmax(scores)
    m, n = p.shape
    y = np.eye(n)[np.asarray(labels)]
    return (p - y) / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    grad_inputs = np.einsum("mo,io->mi", g, w)
    grad_weights = np.einsum("mi,mo->io", x, g)
    grad_biases = np.einsum("mo->o", g)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    X = np.asarray(inputs, dtype=float)
    Zs = []
    prev = X
    for W, b in zip(weights, biases):
        Z = prev @ W + b
        Zs.append(Z)
        prev = np.maximum(0, Z)
    layer_in = [X] + Zs[:-1]          # what went into each layer
    dZ = softmax_cross_entropy_grad(Zs[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dA, gw[l], gb[l] = dense_backward(layer_in[l], weights[l], dZ)
        if l:
            dZ = dA * relu_grad(Zs[l - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    for i in range(len(weights)):
        weights[i] = weights[i] - learning_rate * grad_weights[i]
        biases[i] = biases[i] - learning_rate * grad_biases[i]
    return weights, biases
