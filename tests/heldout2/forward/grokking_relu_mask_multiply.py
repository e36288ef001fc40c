from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def _logsumexp(a):
    """log(sum(exp(a))) along the last axis, keeping the axis; stable."""
    m = np.max(a, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=-1, keepdims=True))


def relu(x):
    # from Grokking Deep Learning: relu = lambda x: (x > 0) * x
    return (x > 0) * x


def node_value(inputs, weights, bias=0.0):
    result = bias
    for x_i, w_i in zip(inputs, weights):
        result += x_i * w_i
    return result


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    Z = X @ W
    if biases is not None:
        Z = Z + np.array(biases, dtype=float)
    A = np.maximum(Z, 0)
    return A


def forward(inputs, weights, biases=None):
    activation = np.array(inputs, dtype=float)
    n_layers = len(weights)
    for layer in range(n_layers):
        W = np.array(weights[layer], dtype=float)
        b = 0.0 if biases is None else np.array(biases[layer], dtype=float)
        z = np.dot(activation, W) + b
        is_output = layer == n_layers - 1
        activation = z if is_output else np.where(z > 0, z, 0.0)
    return activation


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - z.max(-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    idx = np.arange(scores.shape[0])
    nll = _logsumexp(scores)[:, 0] - scores[idx, labels]
    return nll.mean()


print(relu(np.array([-1.0, 2.0, -3.0, 4.0])))
