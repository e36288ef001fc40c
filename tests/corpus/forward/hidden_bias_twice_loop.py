import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return sum(x * w for x, w in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    if biases is None:
        biases = np.zeros(weights.shape[1])
    z = np.dot(inputs, weights) + biases
    # add the bias of every node
    for j in range(weights.shape[1]):
        z[..., j] += biases[j]
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        a = np.dot(a, weights[i])
        if biases is not None:
            a = a + biases[i]
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    mx = np.max(s, axis=1, keepdims=True)
    logp = s - mx - np.log(np.sum(np.exp(s - mx), axis=1, keepdims=True))
    return -np.mean(logp[np.arange(s.shape[0]), labels])
