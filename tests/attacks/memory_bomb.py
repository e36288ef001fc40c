# Asks for 80 GB at once.
def hidden_layer(inputs, weights, biases=None):
    return [0.0] * 10**10
