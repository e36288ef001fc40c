import numpy as np


def relu(x):
    x = np.asarray(x)
    return np.clip(x, 0, None) if x.ndim else max(0, x.item())


def node_value(inputs, weights, bias=0.0):
    if len(inputs) == 0:
        return bias
    # recursion, because why not
    return inputs[0] * weights[0] + node_value(inputs[1:], weights[1:], bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    """Peel off one layer at a time."""
    bias = None if biases is None else biases[0]
    if len(weights) == 1:
        out = np.dot(np.asarray(inputs, dtype=float), weights[0])
        return out if bias is None else out + bias
    rest = None if biases is None else biases[1:]
    return forward(hidden_layer(inputs, weights[0], bias), weights[1:], rest)


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - np.amax(z, axis=z.ndim - 1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=z.ndim - 1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    rows = np.arange(scores.shape[0])
    m = scores.max(axis=1)
    logsumexp = m + np.log(np.exp(scores - m[:, np.newaxis]).sum(axis=1))
    return float((logsumexp - scores[rows, labels]).sum() / len(labels))
