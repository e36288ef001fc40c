import numpy as np


def relu(x):
    if np.ndim(x) == 0:
        return max(0, x)
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return (np.array(inputs) * np.array(weights)).sum() + bias


def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    n_nodes = weights.shape[1]
    if biases is None:
        biases = np.zeros(n_nodes)
    if inputs.ndim == 1:
        return np.array([node_value(inputs, weights[:, j], biases[j]) for j in range(n_nodes)])
    rows = []
    for row in inputs:
        rows.append([node_value(row, weights[:, j], biases[j]) for j in range(n_nodes)])
    return np.array(rows)


def forward(inputs, weights, biases=None):
    act = np.array(inputs, dtype=float)
    for layer, W in enumerate(weights):
        z = act.dot(W)
        if biases is not None:
            z = z + biases[layer]
        act = relu(z) if layer < len(weights) - 1 else z
    return act


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    m = scores.max(axis=1, keepdims=True)
    log_probs = scores - m - np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
    return -np.mean(log_probs[np.arange(len(scores)), labels])
