import numpy as np


def relu(input):
    output = max(0, input)
    return output


def node_value(inputs, weights, bias=0.0):
    return (np.array(inputs) * np.array(weights)).sum() + bias


def hidden_layer(inputs, weights, biases=None):
    node_inputs = np.dot(inputs, weights)
    if biases is not None:
        node_inputs = node_inputs + biases
    return relu(node_inputs)


def forward(inputs, weights, biases=None):
    layer_values = np.array(inputs, dtype=float)
    for i, w in enumerate(weights):
        layer_values = np.dot(layer_values, w)
        if biases is not None:
            layer_values = layer_values + biases[i]
        if i < len(weights) - 1:
            layer_values = np.maximum(layer_values, 0)
    return layer_values


def softmax(z):
    z = np.array(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(len(labels)), labels].mean()
