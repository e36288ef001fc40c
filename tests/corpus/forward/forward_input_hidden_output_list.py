import numpy as np

def relu(x):
    return np.maximum(x, 0)

def node_value(inputs, weights, bias=0.0):
    total = 0.0
    for a, b in zip(inputs, weights):
        total += a * b
    return total + bias

def hidden_layer(inputs, weights, biases=None):
    out = np.dot(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        out = out + biases
    return relu(out)

def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    # the network: [input -> hidden], [hidden -> output]
    layers = [(weights[0], biases[0]), (weights[-1], biases[-1])]
    x = np.array(inputs, dtype=float)
    x = hidden_layer(x, *layers[0])
    w_out, b_out = layers[1]
    y = np.dot(x, w_out)
    if b_out is not None:
        y = y + b_out
    return y

def softmax(z):
    z = np.array(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)

def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    scores = scores - scores.max(axis=1, keepdims=True)
    lp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    return -lp[np.arange(len(scores)), labels].mean()
