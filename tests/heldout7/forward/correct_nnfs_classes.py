from __future__ import annotations

import numpy as np


# Adapted from the "Neural Networks from Scratch" classes, wrapped in the
# functions the assignment asks for.

class Activation_ReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)
        return self.output


class Layer_Dense:
    def __init__(self, weights, biases=None):
        self.weights = np.array(weights, dtype=float)
        n_neurons = self.weights.shape[1]
        if biases is None:
            self.biases = np.zeros(n_neurons)
        else:
            self.biases = np.array(biases, dtype=float)

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases
        return self.output


class Activation_Softmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
        probabilities = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
        self.output = probabilities
        return self.output


def relu(x):
    return Activation_ReLU().forward(x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    dense = Layer_Dense(weights, biases)
    dense.forward(np.array(inputs, dtype=float))
    return Activation_ReLU().forward(dense.output)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None for _ in weights]
    out = np.array(inputs, dtype=float)
    layers = [Layer_Dense(w, b) for w, b in zip(weights, biases)]
    for i, layer in enumerate(layers):
        out = layer.forward(out)
        if i < len(layers) - 1:
            out = Activation_ReLU().forward(out)
    return out


def softmax(z):
    return Activation_Softmax().forward(np.array(z, dtype=float))


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels)
    samples = len(scores)
    # log-softmax directly, so 1000 vs 0 does not turn into log(0)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    correct = log_probs[range(samples), labels]
    return float(np.mean(-correct))


if __name__ == "__main__":
    print(forward([2, 3], [[[1, -1], [1, 1]], [[2], [-1]]]))
    print(softmax([1000, 1000]))
