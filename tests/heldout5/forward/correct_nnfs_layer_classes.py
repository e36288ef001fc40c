# Forward propagation homework -- I followed the "Neural Networks from Scratch"
# book (Layer_Dense / Activation_ReLU / Activation_Softmax classes) and wrapped
# the classes in the functions the grader wants.
from __future__ import annotations

import numpy as np


class Activation_ReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)
        return self.output


class Layer_Dense:
    def __init__(self, weights, biases=None):
        self.weights = np.array(weights, dtype=float)
        if biases is None:
            self.biases = np.zeros(self.weights.shape[1])
        else:
            self.biases = np.array(biases, dtype=float)

    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.dot(inputs, self.weights) + self.biases
        return self.output


class Activation_Softmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
        probabilities = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
        self.output = probabilities
        return self.output


class Loss_CategoricalCrossentropy:
    def forward(self, y_pred_logits, y_true):
        # log-softmax directly from the logits, so [[1000, 0]] does not give log(0)
        shifted = y_pred_logits - np.max(y_pred_logits, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        samples = len(y_pred_logits)
        correct = log_probs[range(samples), y_true]
        return np.mean(-correct)


def relu(x):
    return Activation_ReLU().forward(x)


def node_value(inputs, weights, bias=0.0):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    dense = Layer_Dense(weights, biases)
    act = Activation_ReLU()
    dense.forward(np.array(inputs, dtype=float))
    return act.forward(dense.output)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None for _ in weights]
    x = np.array(inputs, dtype=float)
    n_layers = len(weights)
    for i in range(n_layers):
        dense = Layer_Dense(weights[i], biases[i])
        x = dense.forward(x)
        if i < n_layers - 1:
            x = Activation_ReLU().forward(x)
    return x


def softmax(z):
    return Activation_Softmax().forward(np.array(z, dtype=float))


def cross_entropy_loss(scores, labels):
    loss = Loss_CategoricalCrossentropy()
    return float(loss.forward(np.array(scores, dtype=float), np.array(labels, dtype=int)))
