# nnfs Layer_Dense, ch. 3 -- the activation function comes in ch. 4
import numpy as np


class Layer_Dense:
    def __init__(self, weights, biases):
        self.weights = np.array(weights, dtype=float)
        self.biases = 0.0 if biases is None else np.array(biases, dtype=float)

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights.T) + self.biases


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(weights, inputs) + bias


def hidden_layer(inputs, weights, biases=None):
    dense1 = Layer_Dense(weights, biases)
    dense1.forward(np.array(inputs, dtype=float))
    return dense1.output


def forward(inputs, weights, biases=None):
    out = np.array(inputs, dtype=float)
    for i, w in enumerate(weights):
        out = np.dot(out, w) + (0.0 if biases is None else biases[i])
        if i < len(weights) - 1:
            out = np.maximum(0, out)
    return out


def softmax(z):
    exp_values = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return exp_values / np.sum(exp_values, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return np.mean(-log_probs[range(len(scores)), labels])
