"""The ``grade`` command's entry point: Ctrl-C while the grader still loads exits 130 too.

Kept apart from cli.py, whose imports (click, the engine) are what a Ctrl-C in the first
moments interrupts; cli.py handles every later moment itself.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as command
    except KeyboardInterrupt:
        sys.exit(130)
    command()
