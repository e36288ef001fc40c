from builtins import range
import numpy as np


def relu(x):
    """ReLU forward pass."""
    out = None
    ###########################################################################
    # TODO: Implement the ReLU forward pass.                                  #
    ###########################################################################
    out = np.maximum(0, x)
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out


def node_value(inputs, weights, bias=0.0):
    out = None
    out = np.asarray(inputs, dtype=np.float64).dot(np.asarray(weights, dtype=np.float64)) + bias
    return out


def hidden_layer(inputs, weights, biases=None):
    """affine - relu"""
    out = None
    ###########################################################################
    # TODO: affine forward then relu                                          #
    ###########################################################################
    X = np.asarray(inputs, dtype=np.float64)
    W = np.asarray(weights, dtype=np.float64)
    h = X.dot(W)
    if biases is not None:
        h += biases
    out = relu(h)
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return out


def forward(inputs, weights, biases=None):
    scores = None
    h = np.asarray(inputs, dtype=np.float64)
    for i in range(len(weights)):
        W = np.asarray(weights[i], dtype=np.float64)
        b = 0.0 if biases is None else np.asarray(biases[i], dtype=np.float64)
        h = h.dot(W) + b
    scores = h
    return scores


def softmax(z):
    probs = None
    scores = np.asarray(z, dtype=np.float64)
    shifted = scores - np.max(scores, axis=-1, keepdims=True)
    exp_scores = np.exp(shifted)
    probs = exp_scores / np.sum(exp_scores, axis=-1, keepdims=True)
    return probs


def cross_entropy_loss(scores, labels):
    loss = None
    x = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels)
    shifted_logits = x - np.max(x, axis=1, keepdims=True)
    Z = np.sum(np.exp(shifted_logits), axis=1, keepdims=True)
    log_probs = shifted_logits - np.log(Z)
    N = x.shape[0]
    loss = -np.sum(log_probs[np.arange(N), y]) / N
    return loss
