import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = np.dot(a, W) + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    probabilities = e / e.sum(axis=-1, keepdims=True)
    return probabilities.tolist()  # plain list prints nicer


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())
