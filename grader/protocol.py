"""The wire format between the grader and the sandboxed harness: plain JSON, never pickle.

Arguments go in as tagged JSON values; events come back as JSON lines and are
parsed strictly here: anything that is not exactly the expected shape of plain
numbers and short strings is a ProtocolError, never a value to compare.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

MAX_DIMS = 8
MAX_TEXT = 4000


class ProtocolError(Exception):
    """The child sent something that is not a well-formed event."""


def encode_arg(value: Any) -> dict[str, Any]:
    """Tag a Python or numpy argument so the harness can rebuild it exactly."""
    if value is None:
        return {"t": "none"}
    if isinstance(value, bool):
        raise TypeError("bool arguments are not supported")
    if isinstance(value, int):
        return {"t": "int", "v": value}
    if isinstance(value, float):
        return {"t": "float", "v": value}
    if isinstance(value, np.ndarray):
        if value.dtype not in (np.float64, np.int64):
            raise TypeError(f"unsupported dtype {value.dtype}")
        return {
            "t": "array",
            "dtype": str(value.dtype),
            "shape": list(value.shape),
            "data": value.ravel().tolist(),
        }
    if isinstance(value, (list, tuple)):
        return {"t": "list", "items": [encode_arg(item) for item in value]}
    raise TypeError(f"cannot send a {type(value).__name__} to the sandbox")


@dataclass(frozen=True)
class Returned:
    """What a student's function returned, reduced to plain numbers or a description."""

    kind: Literal["array", "none", "other", "too_large"]
    type_name: str
    shape: tuple[int, ...] | None = None
    values: np.ndarray | None = None
    reason: str | None = None


@dataclass(frozen=True)
class CallEvent:
    exercise: int
    case: int
    status: Literal["returned", "raised", "not_implemented"]
    value: Returned | None
    error: str
    traceback: tuple[str, ...]
    mutated: tuple[int, ...]
    duration_s: float


@dataclass(frozen=True)
class Loaded:
    missing: tuple[str, ...]


@dataclass(frozen=True)
class LoadError:
    kind: str
    line: int | None
    message: str
    traceback: tuple[str, ...]


@dataclass(frozen=True)
class ExerciseEnd:
    exercise: int
    status: int
    recycle: bool = False  # the runner is done: start a fresh one for what is left


@dataclass(frozen=True)
class Done:
    pass


Event = CallEvent | Loaded | LoadError | ExerciseEnd | Done


def _constant(name: str) -> float:
    return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[name]


def _get(obj: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ProtocolError(f"field {key!r} is missing or of the wrong type")
    return value


def _text(obj: dict[str, Any], key: str, default: str | None = None) -> str:
    if key not in obj and default is not None:
        return default
    return str(_get(obj, key, str))[:MAX_TEXT]


def _lines(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    items = obj.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ProtocolError(f"field {key!r} is not a list of strings")
    return tuple(i[:MAX_TEXT] for i in items[:50])


def _int_list(obj: dict[str, Any], key: str, limit: int) -> tuple[int, ...]:
    items = obj.get(key)
    if not isinstance(items, list) or len(items) > limit:
        raise ProtocolError(f"field {key!r} is not a short list")
    for item in items:
        if type(item) is not int or item < 0:
            raise ProtocolError(f"field {key!r} holds a non-index")
    return tuple(items)


def _returned(obj: Any, max_values: int) -> Returned:
    if not isinstance(obj, dict):
        raise ProtocolError("value is not an object")
    kind = obj.get("kind")
    type_name = _text(obj, "type")
    if kind == "none":
        return Returned("none", type_name)
    if kind == "other":
        reason = obj.get("reason")
        return Returned("other", type_name, reason=str(reason)[:MAX_TEXT] if reason else None)
    shape = _int_list(obj, "shape", MAX_DIMS)
    if kind == "too_large":
        return Returned("too_large", type_name, shape=shape)
    if kind != "array":
        raise ProtocolError(f"unknown value kind {kind!r}")
    data = obj.get("data")
    size = math.prod(shape)
    if not isinstance(data, list) or len(data) != size or size > max_values:
        raise ProtocolError("array data does not match its shape")
    for item in data:
        if type(item) not in (float, int):
            raise ProtocolError("array data holds a non-number")
    values = np.array(data, dtype=np.float64).reshape(shape)
    return Returned("array", type_name, shape=shape, values=values)


def parse_event(line: bytes, *, max_values: int) -> Event:
    """Parse one JSON line from the harness, or raise ProtocolError."""
    try:
        obj = json.loads(line, parse_constant=_constant)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise ProtocolError("event is not an object")
    kind = obj.get("ev")
    if kind == "call":
        status = obj.get("status")
        if status not in ("returned", "raised", "not_implemented"):
            raise ProtocolError(f"unknown call status {status!r}")
        duration = _get(obj, "duration_s", (float, int))
        return CallEvent(
            exercise=_get(obj, "ex", int),
            case=_get(obj, "case", int),
            status=status,
            value=_returned(obj.get("value"), max_values) if status == "returned" else None,
            error=_text(obj, "error", default=""),
            traceback=_lines(obj, "traceback"),
            mutated=_int_list(obj, "mutated", 16),
            duration_s=float(duration),
        )
    if kind == "loaded":
        missing = obj.get("missing")
        if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
            raise ProtocolError("missing is not a list of names")
        return Loaded(tuple(missing))
    if kind == "load_error":
        line_no = obj.get("line")
        if line_no is not None and type(line_no) is not int:
            raise ProtocolError("line is not a number")
        return LoadError(
            _text(obj, "kind"), line_no, _text(obj, "message"), _lines(obj, "traceback")
        )
    if kind == "exercise_end":
        recycle = obj.get("recycle", False)
        if not isinstance(recycle, bool):
            raise ProtocolError("recycle is not a boolean")
        return ExerciseEnd(_get(obj, "ex", int), _get(obj, "status", int), recycle)
    if kind == "done":
        return Done()
    raise ProtocolError(f"unknown event {kind!r}")
