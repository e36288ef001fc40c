from __future__ import annotations

import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    z = np.array(z, dtype=float)
    return np.greater(z, 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    N = probs.shape[0]
    dscores = probs
    dscores[range(N), labels] -= 1
    dscores /= N
    return dscores


def dense_backward(inputs, weights, grad_out):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    dout = np.array(grad_out, dtype=float)
    dx = np.dot(dout, W.T)
    dw = np.dot(X.T, dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def backward(inputs, weights, biases, labels):
    X = np.array(inputs, dtype=float)
    hs, zs = [X], []
    for W, b in zip(weights, biases):
        zs.append(np.dot(hs[-1], W) + b)
        hs.append(np.maximum(0, zs[-1]))
    dout = softmax_cross_entropy_grad(zs[-1], labels)
    grads_W, grads_b = [], []
    for i in range(len(weights))[::-1]:
        dx, dw, db = dense_backward(hs[i], weights[i], dout)
        grads_W = [dw] + grads_W
        grads_b = [db] + grads_b
        if i > 0:
            dx[zs[i - 1] <= 0] = 0
            dout = dx
    return grads_W, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return [W - learning_rate * dW for W, dW in zip(weights, grad_weights)], \
           [b - learning_rate * db for b, db in zip(biases, grad_biases)]


# quick check against the notebook cell above
grads = backward(X_bank, W_bank, b_bank, y_bank)
print(grads)
