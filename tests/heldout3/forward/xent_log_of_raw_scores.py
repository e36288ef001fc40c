import numpy as np


def relu(x):
    return np.clip(x, 0, None)


def node_value(inputs, weights, bias=0.0):
    return float(np.inner(np.asarray(inputs, float), np.asarray(weights, float)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, float) @ np.asarray(weights, float)
    return relu(z if biases is None else z + np.asarray(biases, float))


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, float)
    for i, W in enumerate(weights):
        b = None if biases is None else biases[i]
        z = a @ np.asarray(W, float)
        if b is not None:
            z = z + np.asarray(b, float)
        a = z if i == len(weights) - 1 else relu(z)
    return a


def softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    # loss = -log(prediction for the correct class), averaged
    scores = np.atleast_2d(np.asarray(scores, float))
    m = scores.shape[0]
    correct = scores[np.arange(m), np.asarray(labels, int)]
    return float(np.mean(-np.log(correct)))
