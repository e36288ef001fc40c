from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def _logsumexp(a):
    """log(sum(exp(a))) along the last axis, keeping the axis; stable."""
    m = np.max(a, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=-1, keepdims=True))


def relu(x):
    x = np.asarray(x)
    return x * (x > 0)


def node_value(inputs, weights, bias=0.0):
    return np.inner(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias


def hidden_layer(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    pre = np.matmul(x, W)
    if biases is not None:
        pre = pre + np.asarray(biases, dtype=float)
    return relu(pre)


def forward(inputs, weights, biases=None):
    a = inputs
    for i in range(len(weights)):
        b = None if biases is None else biases[i]
        a = hidden_layer(a, weights[i], b)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    idx = np.arange(scores.shape[0])
    nll = _logsumexp(scores)[:, 0] - scores[idx, labels]
    return nll.mean()


if __name__ == "__main__":
    bank_weights = [[[1, -1], [1, 1]], [[2], [-1]]]
    print(forward([2, 3], bank_weights))  # 9
    deep = [[[2, 4], [4, -5]], [[-1, 1], [2, 2]], [[2], [7]]]
    print(forward([3, 5], deep))  # 182
