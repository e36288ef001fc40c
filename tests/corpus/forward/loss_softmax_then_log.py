import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.sum(np.array(inputs) * np.array(weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.array(inputs, dtype=float) @ np.array(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = a @ W
        if biases is not None:
            a = a + biases[i]
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    probs = softmax(scores)
    correct_probs = probs[np.arange(len(labels)), labels]
    return -np.mean(np.log(correct_probs))
