"""Run calls of a submission's functions in the sandbox and collect what happened.

The grader drives; the child only answers. Every event must arrive in the
expected order within its deadline. A hang, a crash, a dead parent or a
malformed message ends the exercise in flight (that exercise's remaining calls
are not run), the child's whole tree is killed, and a fresh child carries on
with the next exercise. The submission as a whole is bounded in time.
"""

from __future__ import annotations

import contextlib
import functools
import os
import selectors
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .sandbox import Limits, Run, Sandbox
from .sandbox.protocol import (
    CallEvent,
    Event,
    ExerciseEnd,
    Loaded,
    LoadError,
    ProtocolError,
    Returned,
    encode_arg,
    parse_event,
    with_arrays,
)
from .text import decode

OutcomeStatus = Literal[
    "returned", "raised", "not_implemented", "missing", "timeout", "crashed", "not_run"
]


@dataclass(frozen=True)
class CallOutcome:
    """What one call did, as far as the grader could observe it."""

    status: OutcomeStatus
    value: Returned | None = None
    error: str = ""
    traceback: tuple[str, ...] = ()
    mutated: tuple[int, ...] = ()
    duration_s: float = 0.0


@dataclass(frozen=True)
class Calls:
    """The calls of one exercise: a function name and one argument tuple per call."""

    function: str
    calls: Sequence[tuple[Any, ...]]

    @functools.cached_property
    def wire(self) -> list[list[dict[str, Any]]]:
        """The arguments as the harness reads them: encoded once, sent to every runner."""
        return [[encode_arg(a) for a in call] for call in self.calls]


@dataclass
class Execution:
    """Everything observed while running one submission."""

    load_error: LoadError | None = None
    outcomes: dict[tuple[int, int], CallOutcome] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""

    def with_arrays(self) -> Execution:
        """The same, every returned array a float64 array (as read without ``plain``)."""
        outcomes = {key: replace(o, value=with_arrays(o.value)) if o.value is not None else o
                    for key, o in self.outcomes.items()}  # fmt: skip
        return Execution(self.load_error, outcomes, self.stdout, self.stderr)


class _Capped:
    """Keep the first ``limit`` bytes of a stream and count the rest, which is dropped."""

    def __init__(self, limit: int) -> None:
        self.limit, self.kept, self.total = limit, bytearray(), 0

    def add(self, data: bytes) -> None:
        self.total += len(data)
        room = self.limit - len(self.kept)
        if room > 0:
            self.kept += data[:room]

    def text(self) -> str:
        text = decode(bytes(self.kept), limit=None)  # the student's text, cleaned as it enters
        if self.total > len(self.kept):
            text += f"\n[... output truncated: {self.total} bytes in all]"
        return text


class _Ended(Exception):
    """The child stopped answering as it should; ``why`` says how."""

    def __init__(self, why: Literal["timeout", "died", "protocol"], detail: str = "") -> None:
        super().__init__(why)
        self.why, self.detail = why, detail


def _describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        if number == signal.SIGKILL:
            return f"the process was killed ({name}; out of memory or a resource limit?)"
        return f"the process was killed by {name}"
    return f"the process exited with code {os.waitstatus_to_exitcode(status)}"


class _Reader:
    """Reads one runner's result pipe and output streams with deadlines."""

    CONTROL = "control"

    def __init__(
        self, sandbox: Sandbox, run: Run, limits: Limits, out: _Capped, err: _Capped,
        plain: bool = False,
    ) -> None:  # fmt: skip
        self.sandbox, self.run, self.limits, self.plain = sandbox, run, limits, plain
        self.buffer, self.received = bytearray(), 0
        self.lines: list[bytes] = []
        self.selector = selectors.DefaultSelector()
        self.selector.register(run.results, selectors.EVENT_READ, None)
        for fd, sink in ((run.stdout, out), (run.stderr, err)):
            os.set_blocking(fd, False)
            self.selector.register(fd, selectors.EVENT_READ, sink)
        self.selector.register(sandbox.control, selectors.EVENT_READ, self.CONTROL)
        self.eof = self.exited = False
        self.exit_status: int | None = None

    def next_event(self, deadline: float) -> Event:
        """The next event, or _Ended when the deadline passes or the runner is gone."""
        while not self.lines:
            now = time.monotonic()
            if now >= deadline:
                raise _Ended("timeout")
            self._pump(0 if self.exited else min(deadline - now, 0.05))
            if not self.lines and (self.eof or self.exited):
                self._pump(0)
                if not self.lines:
                    self._await_exit(time.monotonic() + 0.5)
                    raise _Ended("died")
        line = self.lines.pop(0)
        try:
            return parse_event(line, max_values=self.limits.max_values, plain=self.plain)
        except ProtocolError as exc:
            raise _Ended("protocol", str(exc)) from None

    def _await_exit(self, until: float) -> None:
        """The results ended: give the zygote a moment to say how the runner ended."""
        while not self.exited and time.monotonic() < until:
            self._pump(until - time.monotonic())

    def _pump(self, timeout: float) -> None:
        for key, _ in self.selector.select(timeout):
            if key.data == self.CONTROL:  # the zygote: the runner ended, or it broke
                for message in self.sandbox.messages():
                    if message.get("ev") == "exit" and isinstance(message.get("status"), int):
                        self.exited, self.exit_status = True, message["status"]
                if self.sandbox.broken or self.exited:
                    self.exited = True
                    self.selector.unregister(key.fd)
                continue
            try:
                data = os.read(key.fd, 1 << 16)
            except BlockingIOError:
                continue
            if key.data is not None:  # stdout or stderr: capped, never parsed
                if data:
                    key.data.add(data)
                else:
                    self.selector.unregister(key.fd)
                continue
            if not data:
                self.eof = True
                self.selector.unregister(key.fd)
                continue
            self.received += len(data)
            if self.received > self.limits.result_bytes:
                raise _Ended("protocol", "the results were larger than allowed")
            self.buffer += data
            *complete, rest = self.buffer.split(b"\n")
            self.lines += [bytes(line) for line in complete]
            self.buffer = bytearray(rest)

    def close(self) -> None:
        self.selector.close()


_LOAD_FAILURES = {
    "timeout": "importing the submission took longer than {timeout:g} s "
    "(an endless loop or a long computation at the top level?)",
    "died": "the process ended while importing the submission "
    "(os._exit() or a crash at the top level?)",
    "protocol": "the submission interfered with the grader while loading ({detail})",
}
_CALL_FAILURES = {
    "timeout": "took longer than {timeout:g} s (an endless loop?)",
    "died": "the grading process was killed or exited during this call",
    "protocol": "the submission interfered with the grader ({detail})",
}
_OUT_OF_TIME = "not run: the submission used up its total time of {total:g} s"


def run(
    *,
    source: str,
    filename: str,
    batches: Sequence[Calls],
    sandbox: Sandbox,
    limits: Limits,
    meanwhile: Callable[[], None] | None = None,
    plain: bool = False,
) -> tuple[Execution, Sandbox]:
    """Call every batch's function on its arguments in the sandbox; never raises for the child.

    Returns what was observed, and the sandbox to use next: the same one, cleaned,
    or a fresh one if the submission broke it (the broken one is closed).
    ``meanwhile`` runs once, after the first runner started: grader work that can
    overlap the student's code running on another core. ``plain``: returned arrays stay
    plain data (``Returned.data``; ``Execution.with_arrays`` makes them arrays).
    """
    execution = Execution()
    out, err = _Capped(limits.output_bytes), _Capped(limits.output_bytes)
    encoded = [b.wire for b in batches]
    total_deadline = time.monotonic() + limits.total_timeout
    pending = list(range(len(batches)))
    first = True
    while pending and time.monotonic() < total_deadline:
        job = {
            "filename": filename,
            "source": source,
            "exercises": [
                {"index": i, "function": batches[i].function, "calls": encoded[i]} for i in pending
            ],
            "limits": sandbox.harness_limits(int(limits.total_timeout) + 1),
            "max_values": limits.max_values,
        }
        handle = sandbox.start(job)
        if meanwhile is not None:
            meanwhile()
            meanwhile = None
        reader = _Reader(sandbox, handle, limits, out, err, plain)
        session = _Session(reader, batches, limits, execution, total_deadline)
        try:
            pending = session.run(pending, first)
        finally:
            reader.close()
            handle.close()
            if not sandbox.clean():
                sandbox.close()
                sandbox = Sandbox(sandbox.kind, sandbox.limits, sandbox.packages)
        first = False
    for i in pending:  # only when the total time ran out between two runners
        _fail_rest(execution.outcomes, i, 0, batches[i].calls, "timeout",
                   _OUT_OF_TIME.format(total=limits.total_timeout), 0.0)  # fmt: skip
    execution.stdout, execution.stderr = out.text(), err.text()
    return execution, sandbox


class _Session:
    """One child's life: load, then each exercise's calls in order, each within its deadline."""

    def __init__(
        self,
        reader: _Reader,
        batches: Sequence[Calls],
        limits: Limits,
        execution: Execution,
        total_deadline: float,
    ) -> None:
        self.reader, self.batches, self.limits = reader, batches, limits
        self.execution, self.outcomes = execution, execution.outcomes
        self.total_deadline = total_deadline

    def next_event(self, within: float) -> Event:
        return self.reader.next_event(min(time.monotonic() + within, self.total_deadline))

    def out_of_time(self) -> bool:
        return time.monotonic() >= self.total_deadline

    def run(self, pending: list[int], first: bool) -> list[int]:
        """Drive the runner until it finishes or fails; return the exercises still to run."""
        loaded = self.load()
        if not isinstance(loaded, Loaded):
            if first:
                self.execution.load_error = loaded
            else:  # the submission loaded once, then failed to load again: rare, but bounded
                for i in pending:
                    self.fail(i, 0, "crashed", loaded.message, 0.0)
            return []
        queue = []
        for i in pending:
            if self.batches[i].function in loaded.missing:
                kind = dict(loaded.bound).get(self.batches[i].function, "")
                for j in range(len(self.batches[i].calls)):
                    self.outcomes[(i, j)] = CallOutcome("missing", error=kind)
            else:
                queue.append(i)
        for position, i in enumerate(queue):
            if not self.exercise(i):
                if self.out_of_time():
                    for later in queue[position + 1 :]:
                        self.fail(later, 0, "timeout", "", 0.0)
                    return []
                return queue[position + 1 :]
        with contextlib.suppress(_Ended):
            self.next_event(self.limits.call_timeout)  # "done"; misbehaviour now changes nothing
        return []

    def load(self) -> Loaded | LoadError:
        try:
            event = self.next_event(self.limits.load_timeout)
        except _Ended as ended:
            message = _LOAD_FAILURES[ended.why].format(
                timeout=self.limits.load_timeout, detail=ended.detail
            )
            return LoadError(ended.why, None, message, ())
        if isinstance(event, (Loaded, LoadError)):
            return event
        detail = f"unexpected event {type(event).__name__}"
        return LoadError("protocol", None, _LOAD_FAILURES["protocol"].format(detail=detail), ())

    def exercise(self, i: int) -> bool:
        """Collect exercise ``i``'s results; False if the runner must be replaced."""
        calls, j, started = self.batches[i].calls, 0, time.monotonic()
        try:
            while True:
                event = self.next_event(self.limits.call_timeout)
                now = time.monotonic()
                if isinstance(event, CallEvent) and (event.exercise, event.case) == (i, j):
                    self.outcomes[(i, j)] = CallOutcome(
                        event.status, event.value, event.error, event.traceback,
                        event.mutated, now - started,
                    )  # fmt: skip
                    j, started = j + 1, now
                elif isinstance(event, ExerciseEnd) and event.exercise == i and j == len(calls):
                    return not event.recycle
                else:
                    raise _Ended("protocol", f"unexpected event {type(event).__name__}")
        except _Ended as ended:
            status: OutcomeStatus = "timeout" if ended.why == "timeout" else "crashed"
            detail = _CALL_FAILURES[ended.why].format(
                timeout=self.limits.call_timeout, detail=ended.detail
            )
            if ended.why == "died" and self.reader.exit_status is not None:
                detail = f"{_describe_exit(self.reader.exit_status)} during this call"
            self.fail(i, j, status, detail, time.monotonic() - started)
            return False

    def fail(self, i: int, j: int, status: OutcomeStatus, detail: str, duration: float) -> None:
        """Record call j as failed and exercise i's later calls as not run."""
        if self.out_of_time():
            status, detail = "timeout", _OUT_OF_TIME.format(total=self.limits.total_timeout)
        _fail_rest(self.outcomes, i, j, self.batches[i].calls, status, detail, duration)


def _fail_rest(
    outcomes: dict[tuple[int, int], CallOutcome],
    i: int,
    j: int,
    calls: Sequence[Any],
    status: OutcomeStatus,
    detail: str,
    duration: float,
) -> None:
    """Record the failing call, and the exercise's later calls as not run."""
    if j < len(calls):
        outcomes[(i, j)] = CallOutcome(status, error=detail, duration_s=duration)
    later_detail = detail if detail.startswith("not run") else f"not run: an earlier call {detail}"
    later_status: OutcomeStatus = "timeout" if status == "timeout" else "not_run"
    for later in range(j + 1, len(calls)):
        outcomes[(i, later)] = CallOutcome(later_status, error=later_detail)
