import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z)          # copy so the caller's array is never touched
    return (z > 0) * 1


def softmax_cross_entropy_grad(scores, labels):
    p = softmax(scores)
    m = p.shape[0]
    t = np.zeros_like(p)
    t[np.arange(m), labels] = 1.0
    return (t - p) / m


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dZ = np.array(grad_out, dtype=float)
    dX = np.dot(dZ, W.T)
    dW = np.dot(X.T, dZ)
    db = np.sum(dZ, axis=0)
    return dX, dW, db


def backward(inputs, weights, biases, labels):
    acts = [np.asarray(inputs, dtype=float)]
    n_layers = len(weights)
    for k in range(n_layers):
        z = acts[-1] @ weights[k] + biases[k]
        acts.append(z if k == n_layers - 1 else np.maximum(z, 0))
    # acts[-1] holds the scores of the linear output layer
    delta = softmax_cross_entropy_grad(acts[-1], labels)
    grad_w = [None] * n_layers
    grad_b = [None] * n_layers
    for k in reversed(range(n_layers)):
        delta_prev, grad_w[k], grad_b[k] = dense_backward(acts[k], weights[k], delta)
        delta = delta_prev * (acts[k] > 0)    # mask from A = relu(Z), same as Z > 0
    return grad_w, grad_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * gw for w, gw in zip(weights, grad_weights)]
    new_biases = [b.copy() for b in biases]
    return new_weights, new_biases
