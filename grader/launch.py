"""The ``grade`` command's entry point: the sandbox starts before anything heavy is imported.

A single grade spends most of its time starting Python and numpy in the sandbox. This
module reads the command line just enough to know that it asks for one grade, and with
which sandbox and timeout, starts that sandbox, and only then imports the command line
itself (click) and the grading library, which load while the sandbox boots. Anything it
does not recognise (a subcommand, ``--help``, a folder, an option it does not know) starts
nothing early: the command then runs exactly as it would without this module.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sandbox import Sandbox

_VALUED = {"-o", "--output", "--seed", "--format", "--timeout", "--sandbox", "--assignment",
           "--jobs"}  # fmt: skip
_FLAGS = {"--show-hidden", "--force"}
_SUBCOMMANDS = {"run", "merge", "export", "bundle", "report", "release", "new"}


def single_grade_options(args: list[str]) -> tuple[str, float] | None:
    """``(sandbox, timeout)`` when ``args`` ask for one grade of one file; else None."""
    if args and args[0] == "run":
        args = args[1:]
    options: dict[str, str] = {}
    paths: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            paths += list(rest)
            break
        if arg.startswith("-"):
            name, eq, value = arg.partition("=")
            if name in _FLAGS and not eq:
                continue
            if name not in _VALUED:
                return None  # --help, --shard, a typo...: leave it all to the command
            if not eq:
                value = next(rest, "")
            options[name] = value
        else:
            paths.append(arg)
    if len(paths) != 1 or (not args or args[0] in _SUBCOMMANDS) or not os.path.isfile(paths[0]):
        return None
    sandbox = options.get("--sandbox", "auto")
    if sandbox not in ("auto", "bwrap", "process"):
        return None
    try:
        timeout = float(options["--timeout"]) if "--timeout" in options else None
    except ValueError:
        return None
    from .sandbox import Limits

    return sandbox, Limits.call_timeout if timeout is None else timeout


def _start_early(args: list[str]) -> Sandbox | None:
    wanted = single_grade_options(args)
    if wanted is None:
        return None
    from .errors import GraderError
    from .sandbox import Limits, Sandbox, resolve

    sandbox, timeout = wanted
    try:
        return Sandbox(resolve(sandbox), Limits(call_timeout=timeout))  # type: ignore[arg-type]
    except GraderError:
        return None  # the command meets the problem again, and says so in a report


def main() -> None:
    """``grade``: start the sandbox a single grade needs, then run the command."""
    early = {"sandbox": _start_early(sys.argv[1:])}  # the command takes it if it fits
    try:
        from .cli import main as command

        command(prog_name="grade", obj=early)
    finally:
        leftover = early.get("sandbox")
        if leftover is not None:
            leftover.close()
