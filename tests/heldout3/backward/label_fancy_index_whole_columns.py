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
    grad = probs.copy()
    grad[:, labels] -= 1
    return grad / m


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


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
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
