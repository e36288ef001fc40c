from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    x = np.asarray(inputs, dtype=float)
    w = np.asarray(weights, dtype=float)
    return float(x.dot(w) + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float).dot(np.asarray(weights, dtype=float))
    if biases is not None:
        out = out + np.asarray(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    # chain the layers: each layer's output is the next layer's input
    layer_output = np.asarray(inputs, dtype=float)
    for idx, W in enumerate(weights):
        layer_output = layer_output.dot(np.asarray(W, dtype=float))
        if biases is not None:
            layer_output = layer_output + np.asarray(biases[idx], dtype=float)
    return layer_output


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    c = s.max(axis=1, keepdims=True)
    log_z = c + np.log(np.exp(s - c).sum(axis=1, keepdims=True))
    nll = log_z[:, 0] - s[np.arange(s.shape[0]), y]
    return float(nll.mean())
