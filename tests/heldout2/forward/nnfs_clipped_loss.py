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
    h = np.asarray(inputs, dtype=float)
    bs = biases if biases is not None else [0.0] * len(weights)
    for k, (W, b) in enumerate(zip(weights, bs)):
        h = np.matmul(h, np.asarray(W, dtype=float)) + np.asarray(b, dtype=float)
        if k + 1 < len(weights):
            h = relu(h)
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - z.max(-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    y_pred = softmax(scores)
    samples = len(y_pred)
    # Clip data to prevent division by 0
    y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
    correct_confidences = y_pred_clipped[range(samples), labels]
    negative_log_likelihoods = -np.log(correct_confidences)
    return np.mean(negative_log_likelihoods)
