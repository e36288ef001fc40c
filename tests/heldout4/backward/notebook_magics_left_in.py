import numpy as np
import matplotlib.pyplot as plt
%matplotlib inline

np.random.seed(0)

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax_cross_entropy_grad(scores, labels):
    probs = softmax(scores)
    m = probs.shape[0]
    probs[np.arange(m), labels] -= 1
    return probs / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    return g @ w.T, x.T @ g, g.sum(axis=0)


def backward(inputs, weights, biases, labels):
    xs, zs = [], []
    a = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases):
        xs.append(a)
        zs.append(a @ w + b)
        a = np.maximum(zs[-1], 0)
    g = softmax_cross_entropy_grad(zs[-1], labels)
    gw, gb = [None] * len(weights), [None] * len(weights)
    for i in reversed(range(len(weights))):
        g_in, gw[i], gb[i] = dense_backward(xs[i], weights[i], g)
        if i:
            g = g_in * relu_grad(zs[i - 1])
    return gw, gb


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(w, dtype=float) - learning_rate * np.asarray(g) for w, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - learning_rate * np.asarray(g) for b, g in zip(biases, grad_biases)])


losses = []
plt.plot(losses)
