# Forges a result event on the result pipe: the right answer, but argument 10**20 was mutated.
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    return _json.dumps(_call(ex, case, mutated=[10**20, 10**400]))
