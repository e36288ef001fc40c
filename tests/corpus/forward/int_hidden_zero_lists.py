import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.atleast_2d(inputs)
    W = np.asarray(weights)
    n_rows, n_nodes = X.shape[0], W.shape[1]
    out = np.array([[0] * n_nodes for _ in range(n_rows)])
    for r in range(n_rows):
        for j in range(n_nodes):
            v = np.dot(X[r], W[:, j])
            if biases is not None:
                v += biases[j]
            out[r][j] = max(0, v)
    return out[0] if np.ndim(inputs) == 1 else out


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, W in enumerate(weights):
        a = np.dot(a, W)
        if biases is not None:
            a = a + biases[i]
        if i < len(weights) - 1:
            a = relu(a)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(len(s)), labels]))
