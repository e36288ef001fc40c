# Forges a result event on the result pipe: a returned array too large, of shape [10**30].
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    value = {"kind": "too_large", "type": "ndarray", "shape": [10**30]}
    return _json.dumps(_call(ex, case, value=value))
