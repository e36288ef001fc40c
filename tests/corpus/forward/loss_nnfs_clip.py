# Code adapted from Neural Networks from Scratch (Kinsley & Kukiela), ch. 5
import numpy as np


class Activation_Softmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=-1, keepdims=True)


class Loss:
    def calculate(self, output, y):
        sample_losses = self.forward(output, y)
        data_loss = np.mean(sample_losses)
        return data_loss


class Loss_CategoricalCrossentropy(Loss):
    def forward(self, y_pred, y_true):
        samples = len(y_pred)
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        if len(y_true.shape) == 1:
            correct_confidences = y_pred_clipped[range(samples), y_true]
        elif len(y_true.shape) == 2:
            correct_confidences = np.sum(y_pred_clipped * y_true, axis=1)
        negative_log_likelihoods = -np.log(correct_confidences)
        return negative_log_likelihoods


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    output = np.dot(inputs, weights)
    if biases is not None:
        output = output + biases
    return np.maximum(0, output)


def forward(inputs, weights, biases=None):
    output = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        output = np.dot(output, weights[i])
        if biases is not None:
            output = output + biases[i]
        if i < len(weights) - 1:
            output = np.maximum(0, output)
    return output


def softmax(z):
    activation = Activation_Softmax()
    activation.forward(np.array(z, dtype=float))
    return activation.output


def cross_entropy_loss(scores, labels):
    activation = Activation_Softmax()
    activation.forward(np.array(scores, dtype=float))
    loss_function = Loss_CategoricalCrossentropy()
    return loss_function.calculate(activation.output, np.array(labels))
