def node_value(inputs, weights, bias=0.0):
    import os

    os._exit(7)
