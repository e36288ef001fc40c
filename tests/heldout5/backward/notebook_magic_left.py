# %%
%matplotlib inline
import matplotlib.pyplot as plt

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.sign(np.maximum(np.asarray(z, dtype=float), 0))


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_train = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_train), labels] -= 1
    dscores /= num_train
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    m, n_in = inputs.shape
    n_out = weights.shape[1]
    grad_inputs = np.zeros((m, n_in))
    grad_weights = np.zeros((n_in, n_out))
    grad_biases = np.zeros(n_out)
    for r in range(m):
        for j in range(n_out):
            grad_biases[j] += grad_out[r, j]
            for i in range(n_in):
                grad_inputs[r, i] += grad_out[r, j] * weights[i, j]
                grad_weights[i, j] += inputs[r, i] * grad_out[r, j]
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    nabla_w = [np.zeros(np.shape(w)) for w in weights]
    nabla_b = [np.zeros(np.shape(b)) for b in biases]
    activation = np.asarray(inputs, dtype=float)
    activations = [activation]   # list to store all the activations, layer by layer
    zs = []                      # list to store all the z vectors, layer by layer
    for w, b in zip(weights, biases):
        z = activation @ w + b
        zs.append(z)
        activation = np.maximum(z, 0)
        activations.append(activation)
    num_layers = len(weights)
    delta = softmax_cross_entropy_grad(zs[-1], labels)
    _, nabla_w[-1], nabla_b[-1] = dense_backward(activations[-2], weights[-1], delta)
    for l in range(2, num_layers + 1):
        dA, _, _ = dense_backward(activations[-l], weights[-l + 1], delta)
        delta = dA * relu_grad(zs[-l])
        _, nabla_w[-l], nabla_b[-l] = dense_backward(activations[-l - 1], weights[-l], delta)
    return nabla_w, nabla_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    update = lambda p, g: p - learning_rate * g
    return list(map(update, weights, grad_weights)), list(map(update, biases, grad_biases))
