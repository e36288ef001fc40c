"""The ``grade`` command's entry point: Ctrl-C (or SIGTERM, SIGHUP) while the grader still
loads exits 130 (143, 129) too.

Kept apart from cli.py, whose imports (click, the engine) are what a Ctrl-C in the first
moments interrupts: from the moment this module is imported until they are done, a stop
signal means a quiet exit; then the usual KeyboardInterrupt, which cli.py handles itself
(see interrupt.py).

A single grade leaves at once when it is done: its report is written and its sandbox
closed, so what the interpreter would still do (free every object of numpy and the
engine, one by one: longer than the grading itself) is skipped; the exit handlers run.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import TYPE_CHECKING

from . import interrupt

if TYPE_CHECKING:
    from .sandbox import Sandbox

interrupt.on_stop(interrupt.exit_130)


def _commands_handle_ctrl_c() -> None:
    """From now on Ctrl-C is a KeyboardInterrupt; a press the loading lost exits now."""
    if interrupt.pressed():
        sys.exit(interrupt.exit_code())
    interrupt.on_stop(interrupt.keyboard_interrupt)


def main(prog_name: str | None = None) -> None:
    from .launch import close_early, start_early

    held: dict[str, Sandbox | None] = {"sandbox": None}
    single = False
    try:
        start_early(sys.argv[1:], held)  # one grade: its sandbox boots while the rest loads
        single = held["sandbox"] is not None
        if single:
            _quick(held)  # exits when it graded; returns if click must parse the options
        from .cli import main as command

        _commands_handle_ctrl_c()
        command(prog_name=prog_name, obj=held)
    except SystemExit as done:
        if single:
            close_early(held)
            _leave(done.code)
        raise
    finally:
        close_early(held)


def _quick(held: dict[str, Sandbox | None]) -> None:
    """Grade the one file without importing click, if the options are plainly valid: exits
    when it graded; returns, the sandbox still held, when click must parse them."""
    from .launch import single_grade
    from .single import quick

    found = single_grade(sys.argv[1:])
    if found is not None:
        _commands_handle_ctrl_c()
        quick(*found, held)
        interrupt.on_stop(interrupt.exit_130)


def _leave(code: object) -> None:
    """Exit now with ``code`` (as SystemExit would), once nothing is left to finish: exit
    handlers run, output is flushed, no thread runs. Otherwise return (a normal exit)."""
    if threading.active_count() > 1:
        return
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed or broken stream: the interpreter's own exit says what it says
    os._exit(status)
