# Written JAX-style (pure functions, params as a list of (W, b) pairs), but in numpy
# since the assignment only allows numpy.
import numpy as np

relu = lambda x: np.maximum(x, 0)  # noqa: E731


def node_value(inputs, weights, bias=0.0):
    return float(np.einsum("i,i->", np.asarray(inputs, float), np.asarray(weights, float)) + bias)


def _dense(params, x):
    W, b = params
    y = x @ np.asarray(W, float)
    return y if b is None else y + np.asarray(b, float)


def hidden_layer(inputs, weights, biases=None):
    return relu(_dense((weights, biases), np.asarray(inputs, float)))


def forward(inputs, weights, biases=None):
    params = list(zip(weights, biases if biases is not None else [None] * len(weights)))
    *hidden, last = params
    x = np.asarray(inputs, float)
    for p in hidden:
        x = relu(_dense(p, x))
    return _dense(last, x)


def log_softmax(z):
    z = np.asarray(z, float)
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def softmax(z):
    return np.exp(log_softmax(z))


def cross_entropy_loss(scores, labels):
    logp = log_softmax(np.atleast_2d(scores))
    labels = np.asarray(labels).astype(int)
    onehot = np.eye(logp.shape[-1])[labels]
    return float(-(onehot * logp).sum(axis=-1).mean())
