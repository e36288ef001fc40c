"""Forward propagation, written the way I'd write it in PyTorch (modules + functional)."""

from __future__ import annotations

import numpy as np


class Module:
    def __call__(self, x):
        return self.forward(x)


class Linear(Module):
    def __init__(self, weight, bias=None):
        # NOTE: unlike nn.Linear, the weight here is (in_features, out_features)
        self.weight = np.asarray(weight, dtype=np.float64)
        self.bias = None if bias is None else np.asarray(bias, dtype=np.float64)

    def forward(self, x):
        out = x @ self.weight
        if self.bias is not None:
            out = out + self.bias
        return out


class ReLU(Module):
    def forward(self, x):
        return relu(x)


class Sequential(Module):
    def __init__(self, *layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return Linear(np.reshape(weights, (-1, 1)), [bias])(np.asarray(inputs, dtype=np.float64))[0]


def hidden_layer(inputs, weights, biases=None):
    return Sequential(Linear(weights, biases), ReLU())(np.asarray(inputs, dtype=np.float64))


def forward(inputs, weights, biases=None):
    biases = [None] * len(weights) if biases is None else biases
    layers = []
    for i, (w, b) in enumerate(zip(weights, biases)):
        layers.append(Linear(w, b))
        if i < len(weights) - 1:
            layers.append(ReLU())
    model = Sequential(*layers)
    return model(np.asarray(inputs, dtype=np.float64))


def log_softmax(z, dim=-1):
    z = np.asarray(z, dtype=np.float64)
    z = z - z.max(axis=dim, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=dim, keepdims=True))


def softmax(z):
    return np.exp(log_softmax(z))


def cross_entropy_loss(scores, labels):
    # F.cross_entropy(input, target) == F.nll_loss(F.log_softmax(input), target)
    logp = log_softmax(scores, dim=1)
    target = np.asarray(labels)
    return -logp[np.arange(len(target)), target].mean()


if __name__ == "__main__":
    net_weights = [[[1, -1], [1, 1]], [[2], [-1]]]
    print(forward([2, 3], net_weights))
