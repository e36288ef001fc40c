"""A single grade's sandbox, started before anything heavy is imported (by ``entry``).

A single grade spends most of its time starting Python and numpy in the sandbox. This
module reads the command line just enough to know that it asks for one grade, and with
which sandbox and timeout, and starts that sandbox; ``entry`` then grades the file
without click (``single.quick``) when every option is plainly valid, else imports the
command line itself (click), which takes the sandbox if it fits the options click parsed.
Anything it does not recognise (a subcommand, ``--help``, a folder, an option it does
not know) starts nothing early: the command then runs exactly as it would without this
module.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sandbox import Sandbox

_VALUED = {"-o", "--output", "--seed", "--format", "--timeout", "--sandbox", "--assignment",
           "--jobs", "--course", "--fail-under"}  # fmt: skip
_FLAGS = {"--show-hidden", "--force"}
_SUBCOMMANDS = {"run", "merge", "export", "bundle", "report", "similar", "release", "new"}


def single_grade(args: list[str]) -> tuple[str, dict[str, str | bool]] | None:
    """``(path, options)`` when ``args`` ask for one grade of one file, each option by its
    long name (the last one given wins, as in click); else None."""
    if args and args[0] == "run":
        args = args[1:]
    options: dict[str, str | bool] = {}
    paths: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            paths += list(rest)
            break
        if arg.startswith("-"):
            name, eq, value = arg.partition("=")
            if name in _FLAGS and not eq:
                options[name] = True
                continue
            if name not in _VALUED:
                return None  # --help, --shard, a typo...: leave it all to the command
            if not eq:
                value = next(rest, "")
            options["--output" if name == "-o" else name] = value
        else:
            paths.append(arg)
    if len(paths) != 1 or (not args or args[0] in _SUBCOMMANDS) or not os.path.isfile(paths[0]):
        return None
    return paths[0], options


def single_grade_options(args: list[str]) -> tuple[str, float] | None:
    """``(sandbox, timeout)`` when ``args`` ask for one grade of one file; else None."""
    found = single_grade(args)
    if found is None:
        return None
    sandbox, timeout_text = found[1].get("--sandbox", "auto"), found[1].get("--timeout")
    del found  # the rest (a seed) is not kept where a forked zygote finds it
    if sandbox not in ("auto", "bwrap", "process", "landlock", "portable"):
        return None
    try:
        timeout = float(timeout_text) if isinstance(timeout_text, str) else None
    except ValueError:
        return None
    if timeout is not None and not math.isfinite(timeout):
        return None
    from .sandbox import Limits

    return str(sandbox), Limits.call_timeout if timeout is None else timeout


def start_early(args: list[str], held: dict[str, Sandbox | None]) -> None:
    """The sandbox ``args`` will need, started now if they ask for one grade (else None),
    put in ``held`` for the command to take (``cli._early_sandbox``); ``close_early``
    afterwards. (Filled in place: a stop signal that arrives once the sandbox is made then
    finds it where ``close_early`` looks.)"""
    wanted = single_grade_options(args)
    if wanted is None:
        return
    from .errors import GraderError
    from .sandbox import Limits, Sandbox, resolve

    sandbox, timeout = wanted
    del args, wanted  # the command line (a seed) is not kept where a forked zygote finds it
    try:
        kind = resolve(sandbox)  # type: ignore[arg-type]
        if kind in ("process", "landlock"):  # bubblewrap starts its own interpreter
            # These sandboxes' zygote is forked from here once numpy is imported: one numpy
            # import per grade, not two (sandbox/forked.py). Nothing of the course is loaded
            # yet. One BLAS thread, as in the sandbox: no thread may run at the fork.
            for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ[name] = "1"
            import numpy  # noqa: F401

        held["sandbox"] = Sandbox(kind, Limits(call_timeout=timeout), fork=True)
    except GraderError:
        pass  # the command meets the problem again, and says so


def close_early(held: dict[str, Sandbox | None]) -> None:
    """Close the early sandbox if the command did not take it (another command, an error)."""
    box = held.pop("sandbox", None)
    if box is not None:
        box.close()
