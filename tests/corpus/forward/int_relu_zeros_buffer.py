import numpy as np


def relu(x):
    arr = np.array(x)
    out = np.zeros(arr.shape, dtype=int)
    positive = arr > 0
    out[positive] = arr[positive]
    if arr.ndim == 0:
        return int(out)
    return out


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), weights)
    if biases is not None:
        z = z + biases
    return np.maximum(z, 0)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        a = np.dot(a, weights[i]) + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = np.maximum(a, 0)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    mx = s.max(axis=1, keepdims=True)
    logp = s - mx - np.log(np.exp(s - mx).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(len(labels)), labels]))
