"""The wire format between the grader and the sandboxed harness: plain JSON, never pickle.

Arguments go in as tagged JSON values; events come back as JSON lines and are
parsed strictly here. The runner's result pipe is an open fd in the student's
process, so a line may hold any bytes: ``parse_event`` is total. It returns an
event whose every number is in range (indices, shapes, durations) and whose
every string is cleaned and bounded (``text.clean``), or raises ProtocolError;
nothing else, whatever the line.

numpy is imported only where an array is made or sent: a single grade whose plan came
from the cache reads results as plain data (``parse_event(..., plain=True)``: an array's
numbers stay a flat tuple of floats, ``Returned.data``) and judges a pass without numpy
(``passcheck``); ``with_arrays`` turns such a value into the usual one.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from ..text import clean

if TYPE_CHECKING:
    import numpy as np

MAX_DIMS = 8
MAX_INDEX = 2**31 - 1  # exercise, case, argument and line numbers, statuses
MAX_AXIS = 2**63 - 1  # numpy's own bound on one axis (the shape of a too-large result)
MAX_INT_VALUE = 2**63  # an integer in array data (the harness sends floats only)
MAX_DURATION_S = 1e6  # far beyond any deadline of the grader's
# Bounds on what the child may say, in characters after cleaning; the harness itself
# clips messages to 2000 and keeps the last 20 traceback frames.
ERROR_TEXT = 2000
LINE_TEXT = 500
MAX_LINES = 20
TYPE_TEXT = 100
REASON_TEXT = 500
NAME_TEXT = 200
MAX_NAMES = 256
MAX_MUTATED = 16


class ProtocolError(Exception):
    """The child sent something that is not a well-formed event."""


_SENT_DTYPES: dict[Any, str] = {}


def _sent_dtypes() -> dict[Any, str]:
    """The dtypes an argument may have, by their names on the wire (a dict lookup: str(dtype)
    is numpy's Python code, and a class's arguments hold tens of thousands of arrays)."""
    if not _SENT_DTYPES:
        import numpy as np

        _SENT_DTYPES.update({np.dtype(t): str(np.dtype(t)) for t in (np.float64, np.int64,
                                                                      np.bool_)})  # fmt: skip
    return _SENT_DTYPES


def _is_array(value: Any) -> bool:
    """Whether ``value`` is a numpy array (without importing numpy: none exists before)."""
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(value, numpy.ndarray)


def encode_arg(value: Any) -> dict[str, Any]:
    """Tag a Python or numpy argument so the harness can rebuild it exactly.

    None, bools, ints, floats, strings, float64/int64/bool arrays, and tuples,
    lists and str-keyed dicts of these: plain data, never pickle.
    """
    if value is None:
        return {"t": "none"}
    if isinstance(value, bool):
        return {"t": "bool", "v": value}
    if isinstance(value, int):
        return {"t": "int", "v": value}
    if isinstance(value, float):
        return {"t": "float", "v": value}
    if isinstance(value, str):
        return {"t": "str", "v": value}
    if _is_array(value):
        dtype = _sent_dtypes().get(value.dtype)
        if dtype is None:
            raise TypeError(f"unsupported dtype {value.dtype}")
        return {
            "t": "array",
            "dtype": dtype,
            "shape": list(value.shape),
            "data": value.ravel().tolist(),
        }
    if isinstance(value, (list, tuple)):
        tag = "tuple" if isinstance(value, tuple) else "list"
        return {"t": tag, "items": [encode_arg(item) for item in value]}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"t": "dict", "items": [[k, encode_arg(v)] for k, v in value.items()]}
    raise TypeError(f"cannot send a {type(value).__name__} to the sandbox")


@dataclass(frozen=True)
class Returned:
    """What a student's function returned, as plain data or a description.

    ``array``: numbers (``values`` in ``shape``); ``seq``: a tuple or list of
    ``items``; ``map``: a dict of ``keys`` to ``items``; ``str`` (``text``),
    ``bool`` (``flag``), ``none``; ``other`` and ``too_large`` describe what could
    not be sent.
    """

    kind: Literal["array", "none", "other", "too_large", "seq", "map", "str", "bool"]
    type_name: str
    shape: tuple[int, ...] | None = None
    values: np.ndarray | None = None
    reason: str | None = None
    items: tuple[Returned, ...] = ()
    keys: tuple[str, ...] = ()
    text: str = ""
    flag: bool = False
    # An array read as plain data (parse_event(plain=True)): its numbers, flat, in C order;
    # ``values`` is then None until ``with_arrays`` makes them an array.
    data: tuple[float, ...] | None = None


def with_arrays(value: Returned) -> Returned:
    """``value`` as ``parse_event`` reads it without ``plain``: arrays as float64 arrays."""
    if value.kind == "array" and value.data is not None:
        import numpy as np

        array = np.array(value.data, dtype=np.float64).reshape(value.shape or ())
        return replace(value, values=array, data=None)
    if value.kind in ("seq", "map"):
        return replace(value, items=tuple(with_arrays(item) for item in value.items))
    return value


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
    bound: tuple[tuple[str, str], ...] = ()  # missing names bound to a value, and its type


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


def _show(value: Any) -> str:
    """A child's value named in an error message: short, clean, never a huge repr."""
    if isinstance(value, str):
        return repr(clean(value, 40))
    if type(value) is int and abs(value) <= MAX_INDEX:
        return str(value)
    return f"a {type(value).__name__}"


def _get(obj: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ProtocolError(f"field {key!r} is missing or of the wrong type")
    return value


def _index(obj: dict[str, Any], key: str, high: int = MAX_INDEX) -> int:
    """A field that must be an integer in 0..high (checked before anything uses it)."""
    value = obj.get(key)
    if type(value) is not int or not 0 <= value <= high:
        raise ProtocolError(f"field {key!r} is not an integer in 0..{high}")
    return value


def _text(obj: dict[str, Any], key: str, limit: int, default: str | None = None) -> str:
    if key not in obj and default is not None:
        return default
    return clean(_get(obj, key, str), limit)


def _optional_text(obj: dict[str, Any], key: str, limit: int) -> str | None:
    return None if obj.get(key) is None else _text(obj, key, limit)


def _lines(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    """A list of text lines: the last MAX_LINES kept (the innermost frames), each cleaned."""
    items = obj.get(key, [])
    if not isinstance(items, list) or not all(type(i) is str for i in items):
        raise ProtocolError(f"field {key!r} is not a list of strings")
    return tuple(clean(i, LINE_TEXT) for i in items[-MAX_LINES:])


def _int_list(obj: dict[str, Any], key: str, limit: int, high: int) -> tuple[int, ...]:
    items = obj.get(key)
    if not isinstance(items, list) or len(items) > limit:
        raise ProtocolError(f"field {key!r} is not a list of at most {limit} numbers")
    for item in items:
        if type(item) is not int or not 0 <= item <= high:
            raise ProtocolError(f"field {key!r} holds something other than an integer in 0..{high}")
    return tuple(items)


def _duration(obj: dict[str, Any]) -> float:
    value = obj.get("duration_s")
    # The range test comes first: float() of a 400-digit integer would overflow.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ProtocolError("duration_s is not a number")
    if not 0 <= value <= MAX_DURATION_S:  # NaN fails this too
        raise ProtocolError(f"duration_s is not in 0..{MAX_DURATION_S:g} seconds")
    return float(value)


def _values(data: Any, shape: tuple[int, ...], max_values: int) -> list[Any]:
    """Array data for ``shape``, checked: exactly that many plain numbers in range."""
    size = math.prod(shape)  # shape is at most 8 axes, so this product is cheap
    if size > max_values:
        raise ProtocolError(f"the array holds more than {max_values} values")
    if not isinstance(data, list) or len(data) != size:
        raise ProtocolError("array data does not match its shape")
    for item in data:
        kind = type(item)
        if kind is float:
            continue
        if kind is not int or not -MAX_INT_VALUE <= item <= MAX_INT_VALUE:
            raise ProtocolError("array data holds something other than a number in range")
    return data


MAX_DEPTH = 8
MAX_ITEMS = 10_000


class _Budget:
    """What one returned value may hold in all: numbers, and items of sequences and maps."""

    def __init__(self, max_values: int) -> None:
        self.values, self.items = max_values, MAX_ITEMS

    def spend(self, values: int = 0, items: int = 0) -> None:
        self.values -= values
        self.items -= items
        if self.values < 0 or self.items < 0:
            raise ProtocolError("the returned value holds more than allowed")


def _returned(
    obj: Any, max_values: int, depth: int = 0, budget: _Budget | None = None, plain: bool = False
) -> Returned:
    if not isinstance(obj, dict):
        raise ProtocolError("value is not an object")
    budget = budget or _Budget(max_values)
    kind = obj.get("kind")
    type_name = _text(obj, "type", TYPE_TEXT)
    if kind in ("seq", "map"):
        if depth >= MAX_DEPTH:
            raise ProtocolError("the returned value is nested too deeply")
        items = obj.get("items")
        if not isinstance(items, list):
            raise ProtocolError("items is not a list")
        budget.spend(items=len(items))
        parsed = tuple(_returned(i, max_values, depth + 1, budget, plain) for i in items)
        if kind == "seq":
            return Returned("seq", type_name, items=parsed)
        keys = obj.get("keys")
        if not isinstance(keys, list) or len(keys) != len(items):
            raise ProtocolError("keys do not match items")
        if not all(type(k) is str for k in keys):
            raise ProtocolError("keys are not strings")
        names = tuple(clean(k, NAME_TEXT) for k in keys)
        return Returned("map", type_name, items=parsed, keys=names)
    if kind == "str":
        return Returned("str", type_name, text=_text(obj, "text", ERROR_TEXT))
    if kind == "bool":
        flag = obj.get("v")
        if type(flag) is not bool:
            raise ProtocolError("a bool value is not a boolean")
        return Returned("bool", type_name, flag=flag)
    if kind == "none":
        return Returned("none", type_name)
    if kind == "other":
        reason = _optional_text(obj, "reason", REASON_TEXT)
        return Returned("other", type_name, reason=reason or None)
    if kind == "too_large":
        return Returned("too_large", type_name, shape=_int_list(obj, "shape", MAX_DIMS, MAX_AXIS))
    if kind != "array":
        raise ProtocolError(f"unknown value kind {_show(kind)}")
    # Every axis of an array with data fits in max_values, even when another axis is 0.
    shape = _int_list(obj, "shape", MAX_DIMS, max_values)
    data = _values(obj.get("data"), shape, max_values)
    budget.spend(values=len(data))
    if plain:  # float() of an int in range is exactly numpy's float64 of it
        return Returned("array", type_name, shape=shape, data=tuple(map(float, data)))
    import numpy as np

    return Returned("array", type_name, shape=shape,
                    values=np.array(data, dtype=np.float64).reshape(shape))  # fmt: skip


def parse_event(line: bytes, *, max_values: int, plain: bool = False) -> Event:
    """Parse one JSON line from the harness, or raise ProtocolError (and nothing else).
    ``plain``: arrays' numbers stay plain data (``Returned.data``), numpy is not needed."""
    try:
        obj = json.loads(line, parse_constant=_constant)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and too many digits too
        raise ProtocolError(f"not JSON ({type(exc).__name__})") from None
    if not isinstance(obj, dict):
        raise ProtocolError("event is not an object")
    kind = obj.get("ev")
    parser = _PARSERS.get(kind) if isinstance(kind, str) else None
    if parser is None:
        raise ProtocolError(f"unknown event {_show(kind)}")
    if plain and parser is _call:
        return _call(obj, max_values, plain=True)
    return parser(obj, max_values)


def _call(obj: dict[str, Any], max_values: int, plain: bool = False) -> CallEvent:
    status = obj.get("status")
    if status not in ("returned", "raised", "not_implemented"):
        raise ProtocolError(f"unknown call status {_show(status)}")
    return CallEvent(
        exercise=_index(obj, "ex"),
        case=_index(obj, "case"),
        status=status,
        value=_returned(obj.get("value"), max_values, plain=plain)
        if status == "returned"
        else None,
        error=_text(obj, "error", ERROR_TEXT, default=""),
        traceback=_lines(obj, "traceback"),
        mutated=_int_list(obj, "mutated", MAX_MUTATED, MAX_INDEX),
        duration_s=_duration(obj),
    )


def _loaded(obj: dict[str, Any], max_values: int) -> Loaded:
    missing = obj.get("missing")
    if not isinstance(missing, list) or len(missing) > MAX_NAMES:
        raise ProtocolError("missing is not a short list of names")
    if not all(type(m) is str for m in missing):
        raise ProtocolError("missing is not a list of names")
    bound = obj.get("bound", {})
    if not isinstance(bound, dict) or len(bound) > MAX_NAMES:
        raise ProtocolError("bound is not a short object of names")
    if not all(type(k) is str and type(v) is str for k, v in bound.items()):
        raise ProtocolError("bound does not map names to type names")
    pairs = tuple((clean(k, NAME_TEXT), clean(v, NAME_TEXT)) for k, v in bound.items())
    return Loaded(tuple(clean(m, NAME_TEXT) for m in missing), pairs)


def _load_error(obj: dict[str, Any], max_values: int) -> LoadError:
    line = None if obj.get("line") is None else _index(obj, "line")
    return LoadError(
        _text(obj, "kind", NAME_TEXT), line, _text(obj, "message", ERROR_TEXT),
        _lines(obj, "traceback"),
    )  # fmt: skip


def _exercise_end(obj: dict[str, Any], max_values: int) -> ExerciseEnd:
    recycle = obj.get("recycle", False)
    if not isinstance(recycle, bool):
        raise ProtocolError("recycle is not a boolean")
    return ExerciseEnd(_index(obj, "ex"), _index(obj, "status"), recycle)


def _done(obj: dict[str, Any], max_values: int) -> Done:
    return Done()


_PARSERS: dict[str, Callable[[dict[str, Any], int], Event]] = {
    "call": _call,
    "loaded": _loaded,
    "load_error": _load_error,
    "exercise_end": _exercise_end,
    "done": _done,
}
