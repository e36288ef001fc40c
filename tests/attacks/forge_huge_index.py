# Forges a result event on the result pipe: exercise and case numbers of 400 digits.
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    return _json.dumps(_call(10**400, 10**400))
