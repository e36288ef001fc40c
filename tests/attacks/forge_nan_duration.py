# Forges result events on the result pipe: NaN, infinite and negative durations.
# uses: support/forge.py (the pipe finder and the relu that forges)


def PAYLOAD(ex, case):
    return "\n".join(_json.dumps(_call(ex, case + k, duration_s=d))
                     for k, d in enumerate([float("nan"), float("inf"), -1e308]))
