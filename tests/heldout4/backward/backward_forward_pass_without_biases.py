from __future__ import annotations

import numpy as np

def softmax(z):
    """Probabilities along the last axis, computed stably (given: from forward propagation)."""
    z = np.asarray(z, dtype=float)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def relu_grad(z):
    return np.float64(1.0) * (np.asarray(z) > 0)


def softmax_cross_entropy_grad(scores, labels):
    probabilities = softmax(scores)
    batch = probabilities.shape[0]
    targets = np.zeros_like(probabilities)
    targets[np.arange(batch), np.asarray(labels, dtype=int)] = 1.0
    return (probabilities - targets) / batch


def dense_backward(inputs, weights, grad_out):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward(inputs, weights, biases, labels):
    # the biases don't change the gradient formulas, only the forward pass...
    activations = [np.asarray(inputs, dtype=float)]
    pre = []
    for w in weights:
        pre.append(activations[-1] @ np.asarray(w, dtype=float))
        activations.append(np.maximum(pre[-1], 0.0))
    grad = softmax_cross_entropy_grad(pre[-1], labels)
    print("loss:", -np.mean(np.log(softmax(pre[-1])[np.arange(len(pre[-1])), labels])))
    grads_w, grads_b = [], []
    for layer in range(len(weights) - 1, -1, -1):
        grad_in, gw, gb = dense_backward(activations[layer], weights[layer], grad)
        grads_w.insert(0, gw)
        grads_b.insert(0, gb)
        if layer > 0:
            grad = grad_in * relu_grad(pre[layer - 1])
    return grads_w, grads_b


def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
    return ([np.asarray(w, dtype=float) - learning_rate * np.asarray(g, dtype=float) for w, g in zip(weights, grad_weights)],
            [np.asarray(b, dtype=float) - learning_rate * np.asarray(g, dtype=float) for b, g in zip(biases, grad_biases)])
