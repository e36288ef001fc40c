import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs) * np.asarray(weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        out = out + biases
    return relu(out)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = a @ W
        if biases is not None:
            a = a + biases[i]
        if i + 1 < len(weights):
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # cross entropy = -log(probability of the correct class)
    correct = scores[np.arange(len(labels)), labels]
    return float(-np.mean(np.log(correct)))
