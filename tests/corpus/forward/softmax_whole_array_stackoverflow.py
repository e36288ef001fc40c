import numpy as np


def relu(x):
    return x * (np.asarray(x) > 0)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    return relu(np.dot(inputs, weights) + (biases if biases is not None else 0))


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    n = len(weights)
    for i in range(n):
        z = np.dot(a, weights[i]) + (biases[i] if biases is not None else 0)
        a = relu(z) if i < n - 1 else z
    return a


def softmax(x):
    """Compute softmax values for each sets of scores in x."""
    e_x = np.exp(x - np.max(x))
    return e_x / e_x.sum()


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    mx = scores.max(axis=1, keepdims=True)
    log_probs = scores - mx - np.log(np.exp(scores - mx).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(labels)), labels].mean())
