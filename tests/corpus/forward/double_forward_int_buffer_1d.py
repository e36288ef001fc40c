# Forward propagation with loops (no matrix stuff yet)
import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    total = 0
    for i in range(len(inputs)):
        total += inputs[i] * weights[i]
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    values = inputs
    for layer in range(len(weights)):
        W = weights[layer]
        n_nodes = len(W[0])
        new_values = np.array([0] * n_nodes)
        for j in range(n_nodes):
            total = 0
            for i in range(len(values)):
                total += values[i] * W[i][j]
            if biases is not None:
                total += biases[layer][j]
            if layer < len(weights) - 1:
                total = max(0, total)
            new_values[j] = total
        values = new_values
    return values


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
