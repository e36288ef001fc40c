import numpy as np

def relu(x):
    return np.where(np.asarray(x) < 0, 0, x)

def node_value(inputs, weights, bias=0.0):
    return [i * w for i, w in zip(inputs, weights)] + [bias]

def hidden_layer(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    z = x.dot(np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return np.where(z < 0, 0.0, z)

def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        x = x.dot(np.asarray(weights[i], dtype=float))
        if biases is not None:
            x = x + biases[i]
        if i < len(weights) - 1:
            x = np.where(x < 0, 0.0, x)
    return x

def softmax(z):
    z = np.asarray(z, dtype=float)
    z = np.exp(z - z.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)

def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    rows = range(len(labels))
    out = []
    for r in rows:
        m = s[r].max()
        out.append(m + np.log(np.sum(np.exp(s[r] - m))) - s[r][labels[r]])
    return sum(out) / len(out)
