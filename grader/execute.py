"""Run calls of a submission's functions in the sandbox and collect what happened.

The grader drives; the child only answers. Every event must arrive in the
expected order within its deadline. A hang, a crash, a dead parent or a
malformed message ends the exercise in flight (that exercise's remaining calls
are not run), the child's whole tree is killed, and a fresh child carries on
with the next exercise. The submission as a whole is bounded in time.
"""

from __future__ import annotations

import os
import selectors
import signal
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .protocol import (
    CallEvent,
    Event,
    ExerciseEnd,
    Loaded,
    LoadError,
    ProtocolError,
    Returned,
    encode_arg,
    parse_event,
)
from .sandbox import Child, Limits

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
class Batch:
    """The calls of one exercise: a function name and one argument tuple per call."""

    function: str
    calls: Sequence[tuple[Any, ...]]


@dataclass
class Execution:
    """Everything observed while running one submission."""

    load_error: LoadError | None = None
    outcomes: dict[tuple[int, int], CallOutcome] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""


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
        text = self.kept.decode("utf-8", errors="replace")
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
    """Reads the child's result pipe and output streams with deadlines."""

    def __init__(self, child: Child, limits: Limits, out: _Capped, err: _Capped) -> None:
        self.child, self.limits = child, limits
        self.buffer, self.received = bytearray(), 0
        self.lines: list[bytes] = []
        self.selector = selectors.DefaultSelector()
        self.selector.register(child.results, selectors.EVENT_READ, None)
        for stream, sink in ((child.proc.stdout, out), (child.proc.stderr, err)):
            if stream is not None:
                os.set_blocking(stream.fileno(), False)
                self.selector.register(stream.fileno(), selectors.EVENT_READ, sink)
        self.eof = False

    def send_job(self) -> None:
        stdin = self.child.proc.stdin
        assert stdin is not None
        try:
            stdin.write(self.child.job)
            stdin.close()
        except (BrokenPipeError, OSError):
            pass

    def next_event(self, deadline: float) -> Event:
        """The next event, or _Ended when the deadline passes or the child is gone."""
        while not self.lines:
            now = time.monotonic()
            if now >= deadline:
                raise _Ended("timeout")
            exited = self.child.proc.poll() is not None
            self._pump(0 if exited else min(deadline - now, 0.05))
            if not self.lines and (self.eof or exited):
                self._pump(0)
                if not self.lines:
                    raise _Ended("died")
        line = self.lines.pop(0)
        try:
            return parse_event(line, max_values=self.limits.max_values)
        except ProtocolError as exc:
            raise _Ended("protocol", str(exc)) from None

    def _pump(self, timeout: float) -> None:
        for key, _ in self.selector.select(timeout):
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


def run(
    *,
    submission: Path,
    filename: str,
    batches: Sequence[Batch],
    sandbox: Literal["bwrap", "process"],
    limits: Limits,
) -> Execution:
    """Call every batch's function on its arguments in the sandbox; never raises for the child."""
    execution = Execution()
    out, err = _Capped(limits.output_bytes), _Capped(limits.output_bytes)
    encoded = [[[encode_arg(a) for a in call] for call in b.calls] for b in batches]
    total_calls = sum(len(b.calls) for b in batches)
    cpu_seconds = int(limits.load_timeout + limits.call_timeout * (total_calls + len(batches))) + 1
    pending = list(range(len(batches)))
    first = True
    while pending:
        job = {
            "filename": filename,
            "exercises": [
                {"index": i, "function": batches[i].function, "calls": encoded[i]} for i in pending
            ],
            "limits": limits.for_harness(cpu_seconds),
            "max_values": limits.max_values,
        }
        child = Child(sandbox, submission, job)
        reader = _Reader(child, limits, out, err)
        try:
            pending = _session(reader, batches, pending, limits, execution, first)
        finally:
            reader.close()
            child.kill()
        first = False
    execution.stdout, execution.stderr = out.text(), err.text()
    return execution


def _session(
    reader: _Reader,
    batches: Sequence[Batch],
    pending: list[int],
    limits: Limits,
    execution: Execution,
    first: bool,
) -> list[int]:
    """Drive one child until it finishes or fails; return the exercises still to run."""
    outcomes = execution.outcomes
    reader.send_job()
    try:
        event = reader.next_event(time.monotonic() + limits.load_timeout)
    except _Ended as ended:
        event = LoadError(
            ended.why,
            None,
            _LOAD_FAILURES[ended.why].format(timeout=limits.load_timeout, detail=ended.detail),
            (),
        )
    if not isinstance(event, Loaded):
        if not isinstance(event, LoadError):
            event = LoadError(
                "protocol",
                None,
                _LOAD_FAILURES["protocol"].format(
                    detail=f"unexpected event {type(event).__name__}"
                ),
                (),
            )
        if first:
            execution.load_error = event
        else:  # the submission loaded once, then failed to load again: rare, but bounded
            for i in pending:
                for j in range(len(batches[i].calls)):
                    outcomes[(i, j)] = CallOutcome("crashed", error=event.message)
        return []
    for i in pending:
        if batches[i].function in event.missing:
            for j in range(len(batches[i].calls)):
                outcomes[(i, j)] = CallOutcome("missing")
    queue = [i for i in pending if batches[i].function not in event.missing]
    for position, i in enumerate(queue):
        calls = batches[i].calls
        j = 0
        started = time.monotonic()
        try:
            while True:
                event = reader.next_event(time.monotonic() + limits.call_timeout)
                now = time.monotonic()
                if isinstance(event, CallEvent) and (event.exercise, event.case) == (i, j):
                    outcomes[(i, j)] = CallOutcome(
                        event.status, event.value, event.error, event.traceback,
                        event.mutated, now - started,
                    )  # fmt: skip
                    j, started = j + 1, now
                elif isinstance(event, ExerciseEnd) and event.exercise == i:
                    if j < len(calls):  # the exercise's process died mid-way
                        detail = _describe_exit(event.status)
                        _fail_rest(outcomes, i, j, calls, "crashed", detail, now - started)
                    break
                else:
                    raise _Ended("protocol", f"unexpected event {type(event).__name__}")
        except _Ended as ended:
            status: OutcomeStatus = "timeout" if ended.why == "timeout" else "crashed"
            detail = {
                "timeout": f"took longer than {limits.call_timeout:g} s",
                "died": "the grading process was killed or exited during this call",
                "protocol": f"the submission interfered with the grader ({ended.detail})",
            }[ended.why]
            _fail_rest(outcomes, i, j, calls, status, detail, time.monotonic() - started)
            return queue[position + 1 :]
    try:
        reader.next_event(time.monotonic() + limits.call_timeout)
    except _Ended:
        pass  # every result is in; a child that then misbehaves changes nothing
    return []


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
    for later in range(j + 1, len(calls)):
        outcomes[(i, later)] = CallOutcome("not_run", error=f"not run: an earlier call {detail}")
