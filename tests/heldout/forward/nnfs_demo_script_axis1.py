import numpy as np


class Layer_Dense:
    def __init__(self, weights, biases=None):
        self.weights = np.array(weights, dtype=float)
        if biases is None:
            self.biases = np.zeros(self.weights.shape[1])
        else:
            self.biases = np.array(biases, dtype=float)

    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases


class Activation_ReLU:
    def forward(self, inputs):
        self.output = np.maximum(0, inputs)


class Activation_Softmax:
    def forward(self, inputs):
        inputs = np.array(inputs, dtype=float)
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        probabilities = exp_values / np.sum(exp_values, axis=1, keepdims=True)
        self.output = probabilities


class Loss_SoftmaxCrossentropy:
    # softmax + categorical crossentropy in one step, on the log scale
    def calculate(self, logits, y_true):
        logits = np.array(logits, dtype=float)
        shifted = logits - np.max(logits, axis=1, keepdims=True)
        log_softmax = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        samples = len(logits)
        negative_log_likelihoods = -log_softmax[range(samples), y_true]
        return np.mean(negative_log_likelihoods)


def relu(x):
    activation = Activation_ReLU()
    activation.forward(x)
    return activation.output


def node_value(inputs, weights, bias=0.0):
    output = np.dot(weights, inputs) + bias
    return output


def hidden_layer(inputs, weights, biases=None):
    dense1 = Layer_Dense(weights, biases)
    activation1 = Activation_ReLU()
    dense1.forward(np.array(inputs, dtype=float))
    activation1.forward(dense1.output)
    return activation1.output


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    layers = [Layer_Dense(w, b) for w, b in zip(weights, biases)]
    output = np.array(inputs, dtype=float)
    for layer in layers[:-1]:
        layer.forward(output)
        activation = Activation_ReLU()
        activation.forward(layer.output)
        output = activation.output
    # last layer: no activation (regression output)
    layers[-1].forward(output)
    return layers[-1].output


def softmax(z):
    activation = Activation_Softmax()
    activation.forward(z)
    return activation.output


def cross_entropy_loss(scores, labels):
    loss_function = Loss_SoftmaxCrossentropy()
    return loss_function.calculate(scores, labels)


# ---- demo, like in the book ----
np.random.seed(0)
X = np.random.randn(100, 2)
dense1_w = 0.10 * np.random.randn(2, 3)
dense2_w = 0.10 * np.random.randn(3, 3)
out = forward(X, [dense1_w, dense2_w])
probs = softmax(out)
print(probs[:5])
y = np.random.randint(0, 3, size=100)
print("loss:", cross_entropy_loss(out, y))
for i in range(10):
    print(i, X[i], hidden_layer(X[i:i + 1], dense1_w), probs[i])
