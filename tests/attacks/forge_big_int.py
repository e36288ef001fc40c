# Forges a result event on the result pipe: a 400-digit integer among the returned numbers.
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    value = {"kind": "array", "type": "int", "shape": [1], "data": [10**400]}
    return _json.dumps(_call(ex, case, value=value))
