# Forges a result event on the result pipe: a 10 MB error message and traceback line, in one event.
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    big = "E" * (10 << 20)
    return _json.dumps(_call(ex, case, status="raised", value=None, error=big, traceback=[big]))
