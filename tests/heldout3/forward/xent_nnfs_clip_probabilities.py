from __future__ import annotations

import numpy as np


class Activation_Softmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
        return self.output


class Loss_CategoricalCrossentropy:
    def calculate(self, y_pred, y_true):
        samples = len(y_pred)
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        correct_confidences = y_pred_clipped[range(samples), y_true]
        negative_log_likelihoods = -np.log(correct_confidences)
        return np.mean(negative_log_likelihoods)


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    output = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        output += np.asarray(biases, dtype=float)
    return relu(output)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    output = np.asarray(inputs, dtype=float)
    for i in range(len(weights) - 1):
        output = hidden_layer(output, weights[i], biases[i])
    output = np.dot(output, np.asarray(weights[-1], dtype=float))
    if biases[-1] is not None:
        output = output + np.asarray(biases[-1], dtype=float)
    return output


def softmax(z):
    return Activation_Softmax().forward(np.asarray(z, dtype=float))


def cross_entropy_loss(scores, labels):
    probs = softmax(np.atleast_2d(scores))
    return float(Loss_CategoricalCrossentropy().calculate(probs, np.asarray(labels, dtype=int)))
