import numpy as np

# ReLU: positive stays, negative becomes zero
def relu(x):
    if x < 0:
        return 0
    return x


def node_value(inputs, weights, bias=0.0):
    result = 0
    for a, w in zip(inputs, weights):
        result += a * w
    return result + bias


def hidden_layer(inputs, weights, biases=None):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    total = inputs @ weights
    if biases is not None:
        total += biases
    return relu(total)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        a = a @ weights[i]
        if biases is not None:
            a = a + biases[i]
        if i < len(weights) - 1:
            a = np.where(a < 0, 0.0, a)
    return a


def softmax(z):
    z = np.array(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.array(scores, dtype=float)
    n = scores.shape[0]
    loss = 0.0
    for i in range(n):
        row = scores[i] - scores[i].max()
        loss += np.log(np.exp(row).sum()) - row[labels[i]]
    return loss / n
