import numpy as np


class NeuralNetwork:
    """A tiny fully connected network: ReLU hidden layers, linear output."""

    def __init__(self, weights, biases=None):
        self.weights = [np.array(w, dtype=float) for w in weights]
        if biases is None:
            self.biases = [np.zeros(w.shape[1]) for w in self.weights]
        else:
            self.biases = [np.array(b, dtype=float) for b in biases]

    @staticmethod
    def activation(z):
        return np.maximum(z, 0)

    def predict(self, X):
        a = np.array(X, dtype=float)
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            a = self.activation(a @ W + b)
        return a @ self.weights[-1] + self.biases[-1]


def relu(x):
    return NeuralNetwork.activation(x)


def node_value(inputs, weights, bias=0.0):
    return np.array(inputs, dtype=float) @ np.array(weights, dtype=float) + bias


def hidden_layer(inputs, weights, biases=None):
    W = np.array(weights, dtype=float)
    b = np.zeros(W.shape[1]) if biases is None else np.array(biases, dtype=float)
    return NeuralNetwork.activation(np.array(inputs, dtype=float) @ W + b)


def forward(inputs, weights, biases=None):
    net = NeuralNetwork(weights, biases)
    return net.predict(inputs)


def softmax(z):
    z = np.array(z, dtype=float)
    z_max = np.amax(z, axis=-1, keepdims=True)
    e = np.exp(z - z_max)
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    labels = np.array(labels, dtype=float)
    m = scores.shape[0]
    z_max = np.amax(scores, axis=1, keepdims=True)
    log_sum_exp = np.log(np.sum(np.exp(scores - z_max), axis=1)) + z_max[:, 0]
    correct = scores[np.arange(m), labels]
    return np.sum(log_sum_exp - correct) / m
