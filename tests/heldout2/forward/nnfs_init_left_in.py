from __future__ import annotations

import nnfs
import numpy as np

nnfs.init()


class Layer_Dense:
    def __init__(self, weights, biases=None):
        self.weights = np.array(weights, dtype=float)
        if biases is None:
            self.biases = np.zeros((1, self.weights.shape[1]))
        else:
            self.biases = np.array(biases, dtype=float)

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    dense = Layer_Dense(weights, biases)
    dense.forward(np.array(inputs, dtype=float))
    return relu(dense.output)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for i, W in enumerate(weights):
        z = a @ np.array(W, dtype=float)
        if biases is not None:
            z = z + np.array(biases[i], dtype=float)
        a = relu(z) if i < len(weights) - 1 else z
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    exp_values = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - np.max(s, axis=1, keepdims=True)
    log_probs = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return -np.mean(log_probs[range(len(s)), labels])
