from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    x = np.asarray(x)
    out = x.clip(min=0)
    return out[()] if out.ndim == 0 else out


def node_value(inputs, weights, bias=0.0):
    return float(np.einsum("i,i->", np.asarray(inputs, float), np.asarray(weights, float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    x = np.asarray(inputs, float)
    W = np.asarray(weights, float)
    z = np.einsum("...i,ij->...j", x, W)
    if biases is not None:
        z += np.asarray(biases, float)  # z is a new array, so += is fine here
    return relu(z)


def forward(inputs, weights, biases=None):
    bs = biases if biases is not None else [None] * len(weights)
    a = np.asarray(inputs, float)
    for W, b in zip(weights[:-1], bs[:-1]):
        a = hidden_layer(a, W, b)
    out = np.einsum("...i,ij->...j", a, np.asarray(weights[-1], float))
    if bs[-1] is not None:
        out = out + np.asarray(bs[-1], float)
    return out


def softmax(z):
    z = np.asarray(z, float)
    log_norm = np.logaddexp.reduce(z, axis=-1, keepdims=True)
    return np.exp(z - log_norm)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, float)
    y = np.asarray(labels, int)
    log_norm = np.logaddexp.reduce(s, axis=1)
    picked = np.take_along_axis(s, y[:, None], axis=1)[:, 0]
    return float(np.mean(log_norm - picked))
