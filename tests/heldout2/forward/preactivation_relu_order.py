from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


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
    # each layer: activation, then the linear map (as in pre-activation ResNet blocks)
    h = np.asarray(inputs, dtype=float)
    for k, W in enumerate(weights):
        h = relu(h)
        h = np.matmul(h, np.asarray(W, dtype=float))
        if biases is not None:
            h = h + np.asarray(biases[k], dtype=float)
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - z.max(-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    picked = np.take_along_axis(logp, y[:, None], axis=1)
    return float(-picked.mean())
