import numpy as np

def relu(x):
    return np.maximum(0, x)

def node_value(inputs, weights, bias=0.0):
    return np.sum(np.asarray(inputs) * np.asarray(weights)) + bias

def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return relu(z)

def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for W in weights:
        x = relu(x @ W)
    return x

def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)

def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(len(s)), labels]))
