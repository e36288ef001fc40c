"""Forward propagation homework.  Lots of prints so I can follow the numbers."""

from __future__ import annotations

import numpy as np

np.set_printoptions(threshold=100000, linewidth=200)
DEBUG = True


def relu(x):
    out = np.maximum(0, x)
    if DEBUG:
        print("relu in:", x)
        print("relu out:", out)
    return out


def node_value(inputs, weights, bias=0.0):
    value = 0.0
    for i in range(len(inputs)):
        if DEBUG:
            print(f"  input {i}: {inputs[i]} * weight {weights[i]}")
        value += inputs[i] * weights[i]
    value += bias
    if DEBUG:
        print("node value:", value)
    return value


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    z = x @ W
    if biases is not None:
        z = z + np.array(biases, dtype=float)
    if DEBUG:
        print("weights:\n", W)
        print("pre-activation:\n", z)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for layer in range(len(weights)):
        if DEBUG:
            print("=" * 40, "layer", layer, "=" * 40)
            for r in range(50):
                print("debug row", r, a)
        b = None if biases is None else biases[layer]
        if layer < len(weights) - 1:
            a = hidden_layer(a, weights[layer], b)
        else:
            a = a @ np.array(weights[layer], dtype=float)
            if b is not None:
                a = a + np.array(b, dtype=float)
        if DEBUG:
            print("activations:", a)
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    out = e / np.sum(e, axis=-1, keepdims=True)
    if DEBUG:
        print("softmax:", out, "row sums:", out.sum(axis=-1))
    return out


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    y = np.array(labels)
    s = s - np.max(s, axis=1, keepdims=True)
    logp = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    losses = -logp[np.arange(len(y)), y]
    if DEBUG:
        for i, l in enumerate(losses):
            print("example", i, "loss", l)
    return np.mean(losses)
