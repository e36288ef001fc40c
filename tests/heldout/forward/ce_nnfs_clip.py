import numpy as np


class Layer_Dense:
    def __init__(self, weights, biases=None):
        self.weights = np.array(weights, dtype=float)
        if biases is None:
            self.biases = np.zeros(self.weights.shape[1])
        else:
            self.biases = np.array(biases, dtype=float)

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases


class Activation_ReLU:
    def forward(self, inputs):
        self.output = np.maximum(0, inputs)


class Activation_Softmax:
    def forward(self, inputs):
        inputs = np.array(inputs, dtype=float)
        exp_values = np.exp(inputs - np.max(inputs, axis=-1, keepdims=True))
        probabilities = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
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
        correct_confidences = y_pred_clipped[range(samples), y_true]
        negative_log_likelihoods = -np.log(correct_confidences)
        return negative_log_likelihoods


def relu(x):
    activation = Activation_ReLU()
    activation.forward(x)
    return activation.output


def node_value(inputs, weights, bias=0.0):
    output = np.dot(weights, inputs) + bias
    return output


def hidden_layer(inputs, weights, biases=None):
    dense1 = Layer_Dense(weights, biases)
    activation1 = Activation_ReLU()
    dense1.forward(np.array(inputs, dtype=float))
    activation1.forward(dense1.output)
    return activation1.output


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    layers = [Layer_Dense(w, b) for w, b in zip(weights, biases)]
    output = np.array(inputs, dtype=float)
    for layer in layers[:-1]:
        layer.forward(output)
        activation = Activation_ReLU()
        activation.forward(layer.output)
        output = activation.output
    # last layer: no activation (regression output)
    layers[-1].forward(output)
    return layers[-1].output


def softmax(z):
    activation = Activation_Softmax()
    activation.forward(z)
    return activation.output


def cross_entropy_loss(scores, labels):
    activation = Activation_Softmax()
    activation.forward(scores)
    loss_function = Loss_CategoricalCrossentropy()
    return loss_function.calculate(activation.output, labels)
