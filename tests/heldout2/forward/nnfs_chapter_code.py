"""Forward propagation exercises -- my NNFS chapter 4-5 code wrapped into the six functions."""

from __future__ import annotations

import numpy as np


class Activation_ReLU:
    def forward(self, inputs):
        self.output = np.maximum(0, inputs)


class Activation_Softmax:
    def forward(self, inputs):
        # Get unnormalized probabilities
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        # Normalize them for each sample
        probabilities = exp_values / np.sum(exp_values, axis=1, keepdims=True)
        self.output = probabilities


class Loss:
    def calculate(self, output, y):
        sample_losses = self.forward(output, y)
        data_loss = np.mean(sample_losses)
        return data_loss


class Loss_CategoricalCrossentropy(Loss):
    def forward(self, y_pred, y_true):
        samples = len(y_pred)
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        # Probabilities for target values - only if categorical labels
        if len(y_true.shape) == 1:
            correct_confidences = y_pred_clipped[range(samples), y_true]
        # Mask values - only for one-hot encoded labels
        elif len(y_true.shape) == 2:
            correct_confidences = np.sum(y_pred_clipped * y_true, axis=1)
        negative_log_likelihoods = -np.log(correct_confidences)
        return negative_log_likelihoods


def relu(x):
    act = Activation_ReLU()
    act.forward(x)
    return act.output


def node_value(inputs, weights, bias=0.0):
    return np.dot(weights, inputs) + bias


def hidden_layer(inputs, weights, biases=None):
    output = np.dot(inputs, weights)
    if biases is not None:
        output = output + biases
    return relu(output)


def forward(inputs, weights, biases=None):
    output = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        output = np.dot(output, weights[i])
        if biases is not None:
            output = output + biases[i]
        if i != len(weights) - 1:
            output = relu(output)
    return output


def softmax(z):
    act = Activation_Softmax()
    act.forward(np.array(z, dtype=float))
    return act.output


def cross_entropy_loss(scores, labels):
    loss_function = Loss_CategoricalCrossentropy()
    return loss_function.calculate(softmax(scores), labels)
