"""Forward-propagation exercises: fill in the six functions below."""

from __future__ import annotations

import numpy as np


class LayerDense:
    def __init__(self, weights, biases=None):
        self.weights = np.array(weights, dtype=float)
        n_out = self.weights.shape[1]
        self.biases = np.zeros(n_out) if biases is None else np.array(biases, dtype=float)

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases
        return self.output


class ActivationReLU:
    def forward(self, inputs):
        self.output = np.maximum(0, inputs)
        return self.output


class ActivationSoftmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
        probabilities = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
        self.output = probabilities
        return probabilities


def relu(x):
    return ActivationReLU().forward(x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    dense = LayerDense(weights, biases)
    act = ActivationReLU()
    return act.forward(dense.forward(np.array(inputs, dtype=float)))


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    out = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        dense = LayerDense(weights[i], biases[i])
        out = dense.forward(out)
        if i < len(weights) - 1:
            out = ActivationReLU().forward(out)
    return out


def softmax(z):
    return ActivationSoftmax().forward(np.array(z, dtype=float))


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    correct = log_probs[range(len(scores)), labels]
    return float(np.mean(-correct))
