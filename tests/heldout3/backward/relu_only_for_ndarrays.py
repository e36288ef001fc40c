import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (z > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    onehot = np.zeros_like(probs)
    onehot[np.arange(m), labels] = 1
    return (probs - onehot) / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    grad_inputs = np.einsum("mo,io->mi", g, w)
    grad_weights = np.einsum("mi,mo->io", x, g)
    grad_biases = np.einsum("mo->o", g)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    # forward pass, remember every layer's input and pre-activation
    layer_inputs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for W, b in zip(weights, biases):
        layer_inputs.append(a)
        z = a @ W + b
        zs.append(z)
        a = np.maximum(0, z)
    dz = softmax_cross_entropy_grad(zs[-1], labels)
    dWs, dbs = [], []
    for l in range(len(weights) - 1, -1, -1):
        da, dW, db = dense_backward(layer_inputs[l], weights[l], dz)
        dWs.insert(0, dW)
        dbs.insert(0, db)
        if l > 0:
            dz = da * relu_grad(zs[l - 1])
    return dWs, dbs


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
    new_biases = [b - learning_rate * db for b, db in zip(biases, grad_biases)]
    return new_weights, new_biases
