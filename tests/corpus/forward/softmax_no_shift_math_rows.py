import math

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    result = bias
    for i, w in zip(inputs, weights):
        result += i * w
    return result


def hidden_layer(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        out = out + biases
    return relu(out)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        out = out @ weights[i]
        if biases is not None:
            out = out + biases[i]
        if i < len(weights) - 1:
            out = relu(out)
    return out


def _softmax_row(row):
    exps = [math.exp(v) for v in row]
    total = sum(exps)
    return [e / total for e in exps]


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        return np.array(_softmax_row(z))
    return np.array([_softmax_row(r) for r in z])


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = s.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(s - m).sum(axis=1))
    return float(np.mean(lse - s[np.arange(len(s)), labels]))
