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
    probs = softmax(scores)
    num_examples = probs.shape[0]
    dscores = probs.copy()
    dscores[range(num_examples), labels] -= 1
    dscores /= num_examples
    return dscores


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    grad_inputs = grad_out @ weights.T
    grad_weights = inputs.T @ grad_out
    grad_biases = np.sum(grad_out, axis=1)
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
    new_w = []
    new_b = []
    for i in range(len(weights)):
        new_w.append(np.asarray(weights[i], dtype=float) - learning_rate * np.asarray(grad_weights[i]))
        new_b.append(np.asarray(biases[i], dtype=float) - learning_rate * np.asarray(grad_biases[i]))
    return new_w, new_b
