"""Forward propagation -- from an older tutorial (numpy 1.x era)."""
import numpy as np

# the bank example from the course, to try things out
X_bank = np.array([2, 3], dtype=np.float)
W_bank = [np.array([[1, -1], [1, 1]], dtype=np.float), np.array([[2], [-1]], dtype=np.float)]


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(inputs * weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(np.asarray(z, dtype=float))


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        z = np.dot(a, weights[i])
        if biases is not None and biases[i] is not None:
            z = z + biases[i]
        a = relu(z) if i < len(weights) - 1 else np.asarray(z, dtype=float)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    exp = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.atleast_2d(np.asarray(scores, dtype=float))
    scores = scores - scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    return float(-np.mean(log_probs[np.arange(len(scores)), labels]))


print(forward(X_bank, W_bank))
