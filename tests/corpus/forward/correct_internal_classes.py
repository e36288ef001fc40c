"""My forward propagation homework. I wrote a small Layer class and use it
inside the functions the grader wants."""

import numpy as np


class Layer:
    def __init__(self, weights, biases=None, activation=True):
        self.W = np.asarray(weights, dtype=float)
        n_out = self.W.shape[1]
        self.b = np.zeros(n_out) if biases is None else np.asarray(biases, dtype=float)
        self.activation = activation

    def __call__(self, x):
        z = np.dot(x, self.W) + self.b
        if self.activation:
            return relu(z)
        return z


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return np.dot(np.asarray(inputs, float), np.asarray(weights, float)) + bias


def hidden_layer(inputs, weights, biases=None):
    return Layer(weights, biases)(np.asarray(inputs, dtype=float))


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None for _ in weights]
    layers = [Layer(w, b, activation=(i < len(weights) - 1))
              for i, (w, b) in enumerate(zip(weights, biases))]
    x = np.asarray(inputs, dtype=float)
    for layer in layers:
        x = layer(x)
    return x


class Softmax:
    def __call__(self, z):
        z = np.asarray(z, dtype=float)
        exps = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return exps / np.sum(exps, axis=-1, keepdims=True)


def softmax(z):
    return Softmax()(z)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    m = scores.max(axis=1, keepdims=True)
    log_probs = scores - m - np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
    picked = log_probs[range(len(labels)), labels]
    return -np.mean(picked)
