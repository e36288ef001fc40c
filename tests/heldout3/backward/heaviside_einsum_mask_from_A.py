import numpy as np


def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    # heaviside(x, h) is 0 for x<0, 1 for x>0 and h at x == 0; we want 0 there
    return np.heaviside(np.asarray(z, dtype=float), 0.0)


def softmax_cross_entropy_grad(scores, labels):
    """(softmax(scores) - onehot(labels)) / m"""
    p = softmax(scores)
    m, n = p.shape
    y = np.eye(n)[np.asarray(labels)]
    return (p - y) / m


def dense_backward(inputs, weights, grad_out):
    x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    grad_inputs = np.einsum("mo,io->mi", g, w)
    grad_weights = np.einsum("mi,mo->io", x, g)
    grad_biases = np.einsum("mo->o", g)
    return grad_inputs, grad_weights, grad_biases


def backward(inputs, weights, biases, labels):
    acts = [np.asarray(inputs, dtype=float)]
    n_layers = len(weights)
    for k in range(n_layers):
        z = acts[-1] @ weights[k] + biases[k]
        acts.append(z if k == n_layers - 1 else np.maximum(z, 0))
    # acts[-1] holds the scores of the linear output layer
    delta = softmax_cross_entropy_grad(acts[-1], labels)
    grad_w = [None] * n_layers
    grad_b = [None] * n_layers
    for k in reversed(range(n_layers)):
        delta_prev, grad_w[k], grad_b[k] = dense_backward(acts[k], weights[k], delta)
        delta = delta_prev * (acts[k] > 0)    # mask from A = relu(Z), same as Z > 0
    return grad_w, grad_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    ws = [w.copy() for w in weights]
    bs = [b.copy() for b in biases]
    for w, g in zip(ws, grad_weights):
        w -= learning_rate * g
    for b, g in zip(bs, grad_biases):
        b -= learning_rate * g
    return ws, bs


if __name__ == "__main__":
    X = np.array([[2.0, 3.0]])
    Ws = [np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([[2.0, 1.0], [-1.0, 4.0]])]
    bs = [np.zeros(2), np.zeros(2)]
    gw, gb = backward(X, Ws, bs, np.array([0]))
    print("dW:", gw)
    print("db:", gb)
