import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    total = np.sum(np.array(inputs) * np.array(weights)) + bias
    # round so the answer looks nice
    return round(total, 2)


def hidden_layer(inputs, weights, biases=None):
    out = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        out = out + np.array(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    n = len(weights)
    for i in range(n):
        x = np.dot(x, weights[i]) + (0.0 if biases is None else biases[i])
        if i < n - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    ez = np.exp(z)
    return ez / np.sum(ez, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    z = scores - np.max(scores, axis=1, keepdims=True)
    log_sm = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    return -np.mean(log_sm[np.arange(scores.shape[0]), labels])


print(node_value([2, 3], [1, 1]))  # 5
print(node_value([2, 3], [-1, 1]))  # 1
