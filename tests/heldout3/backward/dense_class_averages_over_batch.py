import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    """ReLU's slope: 1 where z > 0, else 0 (also 0 at the corner z == 0)."""
    z = np.asarray(z)
    return np.where(z > 0, 1.0, 0.0)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


class DenseLayer:
    def __init__(self, weights, biases=None):
        self.weights = np.asarray(weights, dtype=float)
        n_out = self.weights.shape[1]
        self.biases = np.zeros(n_out) if biases is None else np.asarray(biases, dtype=float)

    def forward(self, inputs):
        self.inputs = np.asarray(inputs, dtype=float)
        return self.inputs @ self.weights + self.biases

    def backward(self, dvalues):
        dvalues = np.asarray(dvalues, dtype=float)
        m = self.inputs.shape[0]
        # average over the batch
        self.dweights = self.inputs.T @ dvalues / m
        self.dbiases = np.sum(dvalues, axis=0) / m
        self.dinputs = dvalues @ self.weights.T
        return self.dinputs


def dense_backward(inputs, weights, grad_out):
    layer = DenseLayer(weights)
    layer.forward(inputs)
    layer.backward(grad_out)
    return layer.dinputs, layer.dweights, layer.dbiases


def backward(inputs, weights, biases, labels):
    layers = [DenseLayer(W, b) for W, b in zip(weights, biases)]
    x = np.asarray(inputs, dtype=float)
    zs = []
    for i, layer in enumerate(layers):
        z = layer.forward(x)
        zs.append(z)
        x = np.maximum(0, z)
    dvalues = softmax_cross_entropy_grad(zs[-1], labels)
    for i in reversed(range(len(layers))):
        dvalues = layers[i].backward(dvalues)
        if i > 0:
            dvalues = dvalues * relu_grad(zs[i - 1])
    return [l.dweights for l in layers], [l.dbiases for l in layers]


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    new_w = []
    new_b = []
    for i in range(len(weights)):
        new_w.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_b.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_w, new_b
