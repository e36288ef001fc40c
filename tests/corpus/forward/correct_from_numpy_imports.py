from numpy import array, dot, exp, log, maximum, arange

EPS = 1e-12  # not needed in the end, log-sum-exp never takes log(0)


def relu(x):
    return maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return dot(array(inputs, dtype=float), array(weights, dtype=float)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = dot(array(inputs, dtype=float), array(weights, dtype=float))
    if biases is not None:
        z = z + array(biases, dtype=float)
    return relu(z)


def output_layer(inputs, weights, biases=None):
    z = dot(inputs, array(weights, dtype=float))
    return z if biases is None else z + array(biases, dtype=float)


def forward(inputs, weights, biases=None):
    n = len(weights)
    bs = biases if biases is not None else [None] * n
    values = array(inputs, dtype=float)
    for k in range(n - 1):
        values = hidden_layer(values, weights[k], bs[k])
    return output_layer(values, weights[n - 1], bs[n - 1])


def softmax(z):
    z = array(z, dtype=float)
    e = exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - log(exp(s).sum(axis=1, keepdims=True))
    return -log_p[arange(len(labels)), labels].mean()
