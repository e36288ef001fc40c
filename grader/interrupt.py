"""Being stopped from outside: Ctrl-C, and the signals that mean "stop" when no one types.

Ctrl-C (SIGINT) is what a student presses; SIGTERM is what ``docker stop``, Gradescope's
time limit, ``timeout`` and a CI job's cancel send; SIGHUP comes when the terminal goes away.
All three stop a command the same way: the sandboxes are closed, a batch keeps what it
graded, and the exit status is 128 + the signal's number (130, 143, 129), as shells report.
Left to Python's default, SIGTERM and SIGHUP killed the grader outright: its batch workers
were orphaned and waited forever for work, and its cgroups and temporary folders stayed.

Python runs a signal handler between bytecodes, and what the handler raises can be
swallowed: under CPython 3.11 a press that lands while a module is compiled from source
(the first import after an install, or under PYTHONDONTWRITEBYTECODE) runs the handler
inside ``compile()``, which drops the exception, and the command goes on as if nothing
had happened. ``test_interrupt`` saw a whole class graded, exit 0, after a Ctrl-C that
landed while the grader loaded. So the handlers here note each signal before raising,
and the places that must not miss one (the end of loading, each step of a batch, the
end of a command) ask ``raise_if_pressed``.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

# The signals that stop a command, those this platform has (Windows has no SIGHUP).
STOPS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
              if hasattr(signal, name))  # fmt: skip

_pressed: int | None = None  # the last stop signal received


def exit_130(number: int, frame: FrameType | None) -> None:
    """While the grader loads: a quiet exit, 128 + the signal (SystemExit: no traceback,
    whatever import it interrupts)."""
    global _pressed
    _pressed = number
    sys.exit(128 + number)


def keyboard_interrupt(number: int, frame: FrameType | None) -> None:
    """Once the command runs: KeyboardInterrupt, which the command handles itself."""
    global _pressed
    _pressed = number
    raise KeyboardInterrupt


def on_stop(handler: Callable[[int, FrameType | None], Any] | int) -> None:
    """``handler`` for every stop signal (a handler, or signal.SIG_IGN / SIG_DFL); a hangup
    ignored from the start stays ignored (``nohup grade ...`` keeps running when its
    terminal closes). Ctrl-C is always handled, as it was before SIGTERM and SIGHUP were:
    a shell script's background job starts with it ignored, yet ``kill -INT`` stops it."""
    for number in STOPS:
        if number not in _IGNORED_AT_START or handler == signal.SIG_IGN:
            signal.signal(number, handler)


_IGNORED_AT_START = {
    n for n in STOPS if n.name == "SIGHUP" and signal.getsignal(n) == signal.SIG_IGN
}


@contextlib.contextmanager
def deferred() -> Iterator[list[int]]:
    """Stop signals noted, not acted on, while the block takes or gives back resources
    (processes, cgroups, folders): a signal in the middle would leave half of them behind.
    The block's caller calls ``act_on`` with what was noted once it is safe; if the block
    raises, a noted signal is acted on at once. Main thread only (where handlers run)."""
    noted: list[int] = []
    previous = {number: signal.getsignal(number) for number in STOPS}
    if threading.current_thread() is not threading.main_thread() or None in previous.values():
        yield noted
        return
    for number, handler in previous.items():
        if handler != signal.SIG_IGN:
            signal.signal(number, lambda number, _: noted.append(number))
    try:
        yield noted
    except BaseException:
        _restore(previous)
        act_on(noted)
        raise
    _restore(previous)


def _restore(handlers: dict[int, Any]) -> None:
    for number, handler in handlers.items():
        signal.signal(number, handler)


def act_on(noted: list[int]) -> None:
    """Do now what the last noted stop signal asks: its handler's exception, or the
    default (death by that signal)."""
    if not noted:
        return
    number = noted[-1]
    handler = signal.getsignal(number)
    if callable(handler):
        handler(number, None)
    elif handler == signal.SIG_DFL:
        signal.raise_signal(number)


def pressed() -> bool:
    return _pressed is not None


def exit_code() -> int:
    """What a stopped command exits with: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + (_pressed if _pressed is not None else signal.SIGINT)


def said() -> str:
    """The line a stopped command prints."""
    if _pressed in (None, signal.SIGINT):
        return "Interrupted"
    return f"Stopped by {signal.Signals(_pressed).name}"


def raise_if_pressed() -> None:
    """Raise the KeyboardInterrupt of a signal whose exception was swallowed."""
    if _pressed is not None:
        raise KeyboardInterrupt
