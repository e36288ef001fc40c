import math
import numpy as np

def relu(x):
    return np.maximum(0, x)

def node_value(inputs, weights, bias=0.0):
    s = 0.0
    for i in range(len(inputs)):
        s += inputs[i] * weights[i]
    return s + bias

def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)

def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [0.0 for _ in weights]
    out = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        out = relu(np.dot(out, W) + b)
    return np.dot(out, weights[-1]) + biases[-1]

def softmax(z):
    z = np.asarray(z, dtype=float)
    ez = np.exp(z - z.max(axis=-1, keepdims=True))
    return ez / ez.sum(axis=-1, keepdims=True)

def cross_entropy_loss(scores, labels):
    total = 0.0
    for i in range(len(labels)):
        p = scores[i][labels[i]]
        total += -math.log(p)
    return total / len(labels)
