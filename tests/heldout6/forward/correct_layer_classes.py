"""Forward propagation, written with small layer classes (like NNFS's Layer_Dense)."""

from __future__ import annotations

import numpy as np


class ActivationReLU:
    def forward(self, inputs):
        self.output = np.maximum(0, inputs)
        return self.output


class LayerDense:
    def __init__(self, weights, biases=None):
        self.weights = np.asarray(weights, dtype=float)
        n_out = self.weights.shape[1]
        self.biases = np.zeros(n_out) if biases is None else np.asarray(biases, dtype=float)

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases
        return self.output


class ActivationSoftmax:
    def forward(self, inputs):
        inputs = np.asarray(inputs, dtype=float)
        exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
        return self.output


def relu(x):
    return ActivationReLU().forward(x)


def node_value(inputs, weights, bias=0.0):
    layer = LayerDense(np.reshape(weights, (-1, 1)), [bias])
    return float(layer.forward(np.asarray(inputs, dtype=float))[0])


def hidden_layer(inputs, weights, biases=None):
    dense = LayerDense(weights, biases)
    return ActivationReLU().forward(dense.forward(np.asarray(inputs, dtype=float)))


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    layers = [LayerDense(w, b) for w, b in zip(weights, biases)]
    out = np.asarray(inputs, dtype=float)
    for i, layer in enumerate(layers):
        out = layer.forward(out)
        if i != len(layers) - 1:
            out = ActivationReLU().forward(out)
    return out


def softmax(z):
    return ActivationSoftmax().forward(z)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    # log-softmax directly, so [[1000, 0]] does not give log(0)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return -np.mean(log_probs[range(len(scores)), labels])
