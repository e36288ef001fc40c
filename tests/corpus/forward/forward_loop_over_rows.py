import numpy as np


def relu(x):
    return np.maximum(0.0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    return relu(z + (0 if biases is None else biases))


def forward(inputs, weights, biases=None):
    predictions = []
    # one data point at a time (slides: "forward propagation for one data point at a time")
    for row in np.asarray(inputs, dtype=float):
        a = row
        for i, W in enumerate(weights):
            a = a @ W
            if biases is not None:
                a = a + biases[i]
            if i < len(weights) - 1:
                a = relu(a)
        predictions.append(a)
    return np.array(predictions)


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    m = s.max(axis=1, keepdims=True)
    logp = s - m - np.log(np.exp(s - m).sum(axis=1, keepdims=True))
    return -float(logp[np.arange(len(s)), labels].mean())
