import numpy as np

input_data = np.array([2, 3])
weights = {'node_0': np.array([1, 1]), 'node_1': np.array([-1, 1]), 'output': np.array([2, -1])}


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    # multiply inputs by weights (like node_0_value in the slides)
    node = np.array(inputs) * np.array(weights) + bias
    return node


def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    hidden = inputs @ weights
    if biases is not None:
        hidden = hidden + biases
    return relu(hidden)


def forward(inputs, weights, biases=None):
    values = np.array(inputs, dtype=float)
    last = len(weights) - 1
    for i, w in enumerate(weights):
        b = 0 if biases is None else biases[i]
        values = values @ np.array(w, dtype=float) + b
        if i != last:
            values = relu(values)
    return values


def softmax(z):
    z = np.array(z, dtype=float)
    ex = np.exp(z - z.max(axis=-1, keepdims=True))
    return ex / ex.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    mx = s.max(axis=1, keepdims=True)
    lse = np.log(np.exp(s - mx).sum(axis=1, keepdims=True)) + mx
    return float(np.mean((lse - s)[np.arange(s.shape[0]), labels]))
