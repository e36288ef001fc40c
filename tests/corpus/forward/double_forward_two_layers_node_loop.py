import numpy as np


def relu(x):
    return max(0.0, x) if np.ndim(x) == 0 else np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), weights)
    if biases is not None:
        z = z + biases
    return np.maximum(0.0, z)


def forward(inputs, weights, biases=None):
    W1, W2 = np.asarray(weights[0]), np.asarray(weights[1])
    b1 = np.zeros(W1.shape[1]) if biases is None else biases[0]
    b2 = np.zeros(W2.shape[1]) if biases is None else biases[1]
    hidden = [relu(node_value(inputs, W1[:, j], b1[j])) for j in range(W1.shape[1])]
    output = [node_value(hidden, W2[:, k], b2[k]) for k in range(W2.shape[1])]
    return np.array(output)


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(len(labels)), labels]))
