"""Forward-propagation exercises, done micrograd-style (Neuron / Layer / MLP)."""

from __future__ import annotations

import numpy as np


class Neuron:
    def __init__(self, w, b=0.0, nonlin=True):
        self.w = np.asarray(w, dtype=float)
        self.b = float(b)
        self.nonlin = nonlin

    def __call__(self, x):
        act = float(np.sum(self.w * np.asarray(x, dtype=float))) + self.b
        return max(0.0, act) if self.nonlin else act


class Layer:
    def __init__(self, W, b=None, nonlin=True):
        self.W = np.asarray(W, dtype=float)
        self.b = np.zeros(self.W.shape[1]) if b is None else np.asarray(b, dtype=float)
        self.nonlin = nonlin

    def __call__(self, x):
        out = np.asarray(x, dtype=float) @ self.W + self.b
        return relu(out) if self.nonlin else out


class MLP:
    def __init__(self, weights, biases=None):
        n = len(weights)
        bs = biases if biases is not None else [None] * n
        self.layers = [Layer(weights[i], bs[i], nonlin=i != n - 1) for i in range(n)]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return Neuron(weights, bias)(inputs)


def hidden_layer(inputs, weights, biases=None):
    return Layer(weights, biases)(inputs)


def forward(inputs, weights, biases=None):
    return MLP(weights, biases)(inputs)


def softmax(z):
    z = np.asarray(z, dtype=float)
    counts = np.exp(z - z.max(axis=-1, keepdims=True))
    return counts / counts.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    logits = np.atleast_2d(np.asarray(scores, dtype=float))
    logits = logits - logits.max(axis=1, keepdims=True)
    logprobs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    n = logits.shape[0]
    return float(-logprobs[np.arange(n), labels].mean())
