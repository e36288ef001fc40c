from __future__ import annotations

import numpy as np

DEBUG = True


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    total = 0.0
    for i, (x, w) in enumerate(zip(inputs, weights)):
        total += x * w
        if DEBUG:
            print(f"  input {i}: {x} * {w} -> running total {total}")
    if DEBUG:
        print(f"  + bias {bias} = {total + bias}")
    return float(total + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for layer in range(len(weights)):
        W = np.asarray(weights[layer], dtype=float)
        if DEBUG:
            print("=" * 60)
            print(f"layer {layer}: input {a.shape}, weights {W.shape}")
            print("weights:\n", W)
            for row in np.atleast_2d(a):
                for j in range(W.shape[1]):
                    print(f"    node {j}: sum of {row} * {W[:, j]} = {row @ W[:, j]}")
        z = a @ W
        if biases is not None:
            z = z + np.asarray(biases[layer], dtype=float)
        a = relu(z) if layer < len(weights) - 1 else z
        if DEBUG:
            print("values:", a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(s)), labels].mean())
