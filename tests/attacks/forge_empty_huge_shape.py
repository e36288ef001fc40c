# Forges a result event on the result pipe: an empty array of shape [0, 10**30], whose size matches its data.
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    value = {"kind": "array", "type": "ndarray", "shape": [0, 10**30], "data": []}
    return _json.dumps(_call(ex, case, value=value))
