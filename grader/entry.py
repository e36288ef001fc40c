"""The ``grade`` command's entry point: Ctrl-C while the grader still loads exits 130 too.

Kept apart from cli.py, whose imports (click, the engine) are what a Ctrl-C in the first
moments interrupts: from the moment this module is imported until they are done, Ctrl-C
means a quiet exit 130; then the usual KeyboardInterrupt, which cli.py handles itself.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _quit(number: int, frame: FrameType | None) -> None:
    sys.exit(130)  # SystemExit: no traceback, whatever import it interrupts


signal.signal(signal.SIGINT, _quit)


def main(prog_name: str | None = None) -> None:
    from .launch import close_early, start_early

    held = start_early(sys.argv[1:])  # one grade: its sandbox boots while the rest loads
    try:
        from .cli import main as command

        signal.signal(signal.SIGINT, signal.default_int_handler)
        command(prog_name=prog_name, obj=held)
    finally:
        close_early(held)
