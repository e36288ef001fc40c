from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    values = np.asarray(inputs, dtype=float)
    print("=" * 40)
    print("input:", values, "shape", values.shape)
    for i in range(len(weights)):
        W = np.asarray(weights[i], dtype=float)
        print(f"layer {i}: W shape {W.shape}")
        for r in range(W.shape[0]):
            print("   W row", r, W[r])
        b = None if biases is None else biases[i]
        if i < len(weights) - 1:
            values = hidden_layer(values, W, b)
        else:
            values = values @ W + (0 if b is None else np.asarray(b, dtype=float))
        values = np.round(values, 4)   # so the printout is readable
        for node, v in enumerate(np.atleast_2d(values).T):
            print(f"   node {node}: {v}")
    print("output:", values)
    return values


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    s = s - s.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(len(y)), y]))
