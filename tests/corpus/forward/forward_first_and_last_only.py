import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.asarray(inputs) * np.asarray(weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    # input -> hidden layer -> output
    first_b = None if biases is None else biases[0]
    hidden = hidden_layer(inputs, weights[0], first_b)
    output = hidden @ np.asarray(weights[-1], dtype=float)
    if biases is not None:
        output = output + biases[-1]
    return output


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    m = np.max(z, axis=1)
    lse = m + np.log(np.sum(np.exp(z - m[:, None]), axis=1))
    return float(np.mean(lse - z[np.arange(len(z)), labels]))
