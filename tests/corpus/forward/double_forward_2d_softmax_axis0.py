import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    X = np.asarray(inputs, dtype=float)
    m = X.shape[0]
    A = X
    for l, W in enumerate(weights):
        Z = A @ W + (np.zeros((m, W.shape[1])) if biases is None else biases[l])
        A = relu(Z) if l < len(weights) - 1 else Z
    return A.reshape(m, -1)


def softmax(z):
    # columns are the examples (Andrew Ng's convention)
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    mx = s.max(axis=1, keepdims=True)
    logp = s - mx - np.log(np.exp(s - mx).sum(axis=1, keepdims=True))
    return -np.mean(logp[np.arange(len(s)), labels])
