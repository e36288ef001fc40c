# Neural Networks from Scratch, chapter 3: a layer of neurons
#   output = np.dot(inputs, np.array(weights).T) + biases
import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # one neuron, as in chapter 2
    output = np.dot(weights, inputs) + bias
    return output


def hidden_layer(inputs, weights, biases=None):
    layer_outputs = np.dot(inputs, np.array(weights).T)
    if biases is not None:
        layer_outputs = layer_outputs + biases
    return np.maximum(0, layer_outputs)


def forward(inputs, weights, biases=None):
    output = np.array(inputs, dtype=float)
    for i, w in enumerate(weights):
        output = np.dot(output, w)
        if biases is not None:
            output = output + biases[i]
        if i < len(weights) - 1:
            output = np.maximum(0, output)
    return output


def softmax(z):
    exp_values = np.exp(z - np.max(z, axis=-1, keepdims=True))
    probabilities = exp_values / np.sum(exp_values, axis=-1, keepdims=True)
    return probabilities


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_likelihoods = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return np.mean(-log_likelihoods[range(len(scores)), labels])
