import numpy as np

N_INPUTS = 2
N_HIDDEN = 2
N_OUTPUTS = 1


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float).reshape(-1, N_INPUTS)
    n = len(weights)
    for i in range(n - 1):
        W = np.reshape(weights[i], (x.shape[1], N_HIDDEN))
        x = relu(x @ W + (0 if biases is None else biases[i]))
    W_out = np.reshape(weights[-1], (N_HIDDEN, N_OUTPUTS))
    out = x @ W_out + (0 if biases is None else biases[-1])
    return out.reshape(np.shape(inputs)[:-1] + (N_OUTPUTS,))


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(len(labels)), labels]))
