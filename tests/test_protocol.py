"""The child's messages are parsed strictly: anything malformed is refused, never compared.

The result pipe is an open fd in the student's process, so a line may hold any
bytes. The parser is total: it returns an event whose numbers are in range and
whose strings are clean and bounded, or raises ProtocolError, and nothing it
returns makes the comparator, the scoring or the diagnosis raise.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader.diagnose import diagnose
from grader.execute import CallOutcome
from grader.sandbox import protocol
from grader.sandbox.protocol import (
    CallEvent,
    Done,
    ExerciseEnd,
    Loaded,
    LoadError,
    ProtocolError,
    Returned,
    encode_arg,
    parse_event,
)
from grader.scoring import MESSAGE_BYTES, judge
from grader.spec import Case, Exercise
from grader.text import clean, size

MAX_VALUES = 1000


def call(**value: object) -> bytes:
    event = {"ev": "call", "ex": 0, "case": 0, "status": "returned", "duration_s": 0.1,
             "mutated": [], "value": value}  # fmt: skip
    return json.dumps(event).encode()


def with_field(event: dict[str, Any], key: str, fragment: str) -> bytes:
    """``event`` as a JSON line with ``key`` set to raw JSON text (which json.dumps cannot make)."""
    return json.dumps({**event, key: "@@X@@"}).replace('"@@X@@"', fragment).encode()


CALL = {"ev": "call", "ex": 0, "case": 0, "status": "raised", "error": "E", "traceback": [],
        "mutated": [], "duration_s": 0.1}  # fmt: skip
HUGE = "9" * 400  # parses, but overflows float64 and every index
TOO_MANY_DIGITS = "9" * 5000  # Python refuses to parse it (ValueError)


def test_well_formed_call() -> None:
    event = parse_event(call(kind="array", type="list", shape=[2], data=[1, 2.5]), max_values=10)
    assert isinstance(event, CallEvent) and event.value is not None
    assert event.value.values is not None and event.value.values.tolist() == [1.0, 2.5]


@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b"[1, 2]",
        b'{"ev": "score", "score": 100}',
        b"{" * 100000,
        b"[" * 100000,
        b'{"ev": "call", "value": ' + b'{"kind": ' * 5000 + b"1" + b"}" * 5001,
        b"\xff\xfe{}",
        b'{"ev": ["call"]}',
        b'{"ev": ' + TOO_MANY_DIGITS.encode() + b"}",
        call(kind="array", type="x", shape=[3], data=[1, 2]),
        call(kind="array", type="x", shape=[2], data=[1, "2"]),
        call(kind="array", type="x", shape=[2], data=[1, True]),
        call(kind="array", type="x", shape=[2], data=[1, [2]]),
        call(kind="array", type="x", shape=[2], data=[1, None]),
        call(kind="array", type="x", shape=[-2], data=[]),
        call(kind="array", type="x", shape=[11], data=[0] * 11),
        call(kind="array", type="x", shape=[1] * 9, data=[0]),
        call(kind="array", type="x", shape=[0, 2**40], data=[]),
        call(kind="array", type="x", shape=[0, 2**70], data=[]),
        call(kind="array", type="x", shape=[2.0], data=[1, 2]),
        call(kind="array", type="x", shape=2, data=[1, 2]),
        call(kind="array", type=7, shape=[1], data=[1]),
        call(kind="too_large", type="x", shape=[2**64]),
        call(kind="too_large", type="x", shape=[1] * 9),
        call(kind="other", type="x", reason=7),
        call(kind="other", type="x", reason=["x"]),
        call(kind="pickle", type="x"),
        with_field(
            {**CALL, "status": "returned"},
            "value",
            '{"kind": "array", "type": "x", "shape": [1], "data": [' + HUGE + "]}",
        ),
        with_field(
            {**CALL, "status": "returned"},
            "value",
            '{"kind": "array", "type": "x", "shape": [' + HUGE + '], "data": []}',
        ),
        with_field(
            {**CALL, "status": "returned"},
            "value",
            '{"kind": "too_large", "type": "x", "shape": [' + HUGE + "]}",
        ),
        with_field(CALL, "ex", HUGE),
        with_field(CALL, "case", HUGE),
        with_field(CALL, "ex", "-1"),
        with_field(CALL, "ex", "1.0"),
        with_field(CALL, "ex", "true"),
        with_field(CALL, "ex", '"0"'),
        with_field(CALL, "mutated", "[" + HUGE + "]"),
        with_field(CALL, "mutated", "[-1]"),
        with_field(CALL, "mutated", "[0.5]"),
        with_field(CALL, "mutated", "[" + ",".join(["0"] * 17) + "]"),
        with_field(CALL, "duration_s", HUGE),
        with_field(CALL, "duration_s", "-0.5"),
        with_field(CALL, "duration_s", "NaN"),
        with_field(CALL, "duration_s", "Infinity"),
        with_field(CALL, "duration_s", "1e999"),
        with_field(CALL, "duration_s", "1e7"),
        with_field(CALL, "duration_s", '"0.1"'),
        with_field(CALL, "error", "12"),
        with_field(CALL, "traceback", '"line"'),
        with_field(CALL, "traceback", "[1]"),
        with_field(CALL, "status", '"passed"'),
        with_field(CALL, "status", "[" * 50 + "]" * 50),
        json.dumps({"ev": "loaded", "missing": ["f"] * 257}).encode(),
        json.dumps({"ev": "loaded", "missing": [1]}).encode(),
        json.dumps({"ev": "loaded"}).encode(),
        with_field({"ev": "load_error", "kind": "import", "message": "m"}, "line", HUGE),
        with_field({"ev": "load_error", "kind": "import", "message": "m"}, "line", "-3"),
        json.dumps({"ev": "load_error", "kind": "import", "line": 1}).encode(),
        with_field({"ev": "exercise_end", "ex": 0}, "status", HUGE),
        json.dumps({"ev": "exercise_end", "ex": 0, "status": 0, "recycle": 1}).encode(),
    ],
    ids=lambda line: line[:60].decode(errors="replace"),
)
def test_malformed_events_are_refused(line: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_event(line, max_values=10)


def test_protocol_errors_are_short_and_clean() -> None:
    """Their text reaches the report ("interfered with the grader (...)"): no echo of the line."""
    hostile = "\x1b[2J" + "\ud800" + "x" * 10**6
    for line in (
        json.dumps({"ev": hostile}),
        json.dumps({**CALL, "status": hostile}),
        json.dumps({"ev": "call", "value": {"kind": hostile}, "status": "returned"}),
    ):
        with pytest.raises(ProtocolError) as caught:
            parse_event(line.encode(), max_values=10)
        message = str(caught.value)
        assert len(message) < 200 and clean(message, None) == message


@pytest.mark.parametrize(
    "shape, data",
    [
        ([0], []),
        ([0, 3], []),
        ([3, 0, 2], []),
        ([1] * 8, [2.0]),
        ([2] * 8, [0.0] * 256),
        ([4], [-0.0, 5e-324, 1e308, -1e308]),
        ([3], [math.nan, math.inf, -math.inf]),
        ([2], [2**63, -(2**63)]),
        ([], [7]),
    ],
)
def test_edge_values_are_accepted_and_judged(shape: list[int], data: list[float]) -> None:
    line = json.dumps(
        {
            **CALL,
            "status": "returned",
            "value": {"kind": "array", "type": "ndarray", "shape": shape, "data": data},
        }
    )
    event = parse_event(line.encode(), max_values=MAX_VALUES)
    assert isinstance(event, CallEvent) and event.value is not None
    assert event.value.values is not None and event.value.values.shape == tuple(shape)
    for expected in (np.zeros(tuple(shape)), np.array(1.0), np.zeros((2, 3))):
        check_downstream(event, expected)


def test_strings_are_cleaned_and_bounded() -> None:
    hostile = "\x1b[2J\x1b]0;pwned\x07\x9b31mScore: 100/100\ud800\x00" + "\U0001f600" * 10**5
    event = parse_event(
        json.dumps({**CALL, "error": hostile, "traceback": [hostile] * 1000}).encode(),
        max_values=10,
    )
    assert isinstance(event, CallEvent)
    assert len(event.traceback) == protocol.MAX_LINES
    for text in (event.error, *event.traceback):
        assert clean(text, None) == text and "\x1b" not in text and "\x9b" not in text
        assert len(text) <= protocol.ERROR_TEXT
        text.encode("utf-8")  # no lone surrogate left


def test_the_last_traceback_lines_are_kept() -> None:
    lines = [f"line {k}" for k in range(100)]
    event = parse_event(json.dumps({**CALL, "traceback": lines}).encode(), max_values=10)
    assert isinstance(event, CallEvent) and event.traceback[-1] == "line 99"


def test_every_event_the_harness_writes_parses() -> None:
    """The wire format is unchanged: these are the harness's own events."""
    lines = [
        {"ev": "loaded", "missing": ["softmax"]},
        {"ev": "load_error", "kind": "syntax", "line": 3, "message": "SyntaxError: x",
         "traceback": ["def f(:"]},
        {"ev": "load_error", "kind": "import", "line": None, "message": "E", "traceback": []},
        {"ev": "call", "ex": 2, "case": 4, "status": "not_implemented",
         "error": "NotImplementedError", "duration_s": 1e-05, "mutated": []},
        {"ev": "call", "ex": 0, "case": 1, "status": "returned", "duration_s": 0.2,
         "value": {"kind": "other", "type": "str"}, "mutated": [0, 1]},
        {"ev": "call", "ex": 0, "case": 1, "status": "returned", "duration_s": 0.2,
         "value": {"kind": "none", "type": "NoneType"}, "mutated": []},
        {"ev": "call", "ex": 0, "case": 1, "status": "returned", "duration_s": 0.2,
         "value": {"kind": "too_large", "type": "ndarray", "shape": [10**7]}, "mutated": []},
        {"ev": "exercise_end", "ex": 5, "status": 0, "recycle": True},
        {"ev": "done"},
    ]  # fmt: skip
    kinds = [type(parse_event(json.dumps(e).encode(), max_values=10)) for e in lines]
    assert kinds == [Loaded, LoadError, LoadError, CallEvent, CallEvent, CallEvent, CallEvent,
                     ExerciseEnd, Done]  # fmt: skip


def test_encode_arg_tags_types() -> None:
    assert encode_arg(3) == {"t": "int", "v": 3}
    assert encode_arg(-2.5) == {"t": "float", "v": -2.5}
    assert encode_arg(None) == {"t": "none"}
    assert encode_arg(np.array([[1.0], [2.0]]))["shape"] == [2, 1]
    assert encode_arg([np.array([1], dtype=np.int64)])["items"][0]["dtype"] == "int64"
    with pytest.raises(TypeError):
        encode_arg(object())


# --- Properties: random and adversarial lines --------------------------------------------

KEYS = ["ev", "ex", "case", "status", "value", "error", "traceback", "mutated", "duration_s",
        "kind", "type", "shape", "data", "reason", "missing", "line", "message",
        "recycle"]  # fmt: skip
EVENTS = ["call", "loaded", "load_error", "exercise_end", "done"]
WORDS = [*EVENTS, "returned", "raised", "not_implemented", "array", "none", "other", "too_large"]

numbers = st.one_of(
    st.integers().map(str),
    st.integers(-(2**80), 2**80).map(str),
    st.integers(300, 700).map(lambda n: "9" * n),
    st.integers(300, 700).map(lambda n: "-" + "1" * n),
    st.integers(4301, 5000).map(lambda n: "9" * n),  # more digits than Python parses
    st.floats(allow_nan=True, allow_infinity=True).map(json.dumps),  # NaN, Infinity tokens
    st.sampled_from(["1e999", "-1e999", "-0.0", "5e-324", "1e308", "0", "1", "2147483648"]),
)
strings = st.one_of(
    st.sampled_from(WORDS).map(json.dumps),
    st.text(max_size=30).map(json.dumps),
    st.sampled_from(['"\\ud800"', '"\\udfff x"', '"\\u001b[2J"', '"\\u0000"', '"\\u009b31m"']),
)
leaves = st.one_of(numbers, strings, st.sampled_from(["true", "false", "null"]))


def _object(pairs: list[tuple[str, str]]) -> str:
    return "{" + ",".join(f"{json.dumps(k)}: {v}" for k, v in pairs) + "}"


json_text = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6).map(lambda items: "[" + ",".join(items) + "]"),
        st.lists(st.tuples(st.sampled_from(KEYS) | st.text(max_size=5), inner), max_size=6).map(
            _object
        ),
    ),
    max_leaves=30,
)
nesting = st.integers(1, 3000).map(lambda n: "[" * n + "]" * n)


@st.composite
def events(draw: st.DrawFn) -> str:
    """An event object: a known "ev", then fields from the protocol's names with any values."""
    pairs = [("ev", json.dumps(draw(st.sampled_from(EVENTS))))]
    pairs += draw(st.lists(st.tuples(st.sampled_from(KEYS), json_text | nesting), max_size=10))
    return _object(pairs)


def valid_call(shape: tuple[int, ...], values: list[float]) -> dict[str, Any]:
    value = {"kind": "array", "type": "ndarray", "shape": list(shape), "data": values}
    return {**CALL, "status": "returned", "value": value}


def number_lists(length: int) -> st.SearchStrategy[str]:
    """A JSON list of ``length`` numbers, some of them hostile (huge, NaN, too many digits)."""
    return st.lists(numbers, min_size=length, max_size=length).map(
        lambda n: "[" + ",".join(n) + "]"
    )


@st.composite
def mutated_calls(draw: st.DrawFn) -> str:
    """A well-formed call event with one field, top level or in its value, replaced.

    Replacements lean to the dangerous: numbers (huge, negative, NaN), lists of numbers
    of a plausible length (a shape, data that matches the shape), then any JSON at all.
    """
    shape = tuple(draw(st.lists(st.integers(0, 3), max_size=4)))
    event = valid_call(shape, [1.5] * math.prod(shape))
    inside = draw(st.booleans())
    keys = ["kind", "type", "shape", "data", "reason"] if inside else list(event)
    key = draw(st.sampled_from(keys))
    length = len(shape) if key == "shape" else math.prod(shape)
    fragment = draw(
        st.one_of(numbers, number_lists(length), st.integers(0, 9).flatmap(number_lists),
                  json_text, nesting)
    )  # fmt: skip
    if not inside:
        return with_field(event, key, fragment).decode()
    value = {**event["value"], key: "@@X@@"}
    return json.dumps({**event, "value": value}).replace('"@@X@@"', fragment)


EXERCISE = Exercise("f", 10)


def check_downstream(event: CallEvent, expected: np.ndarray) -> None:
    """What execute, scoring and diagnose do with a call event must not raise."""
    outcome = CallOutcome(event.status, event.value, event.error, event.traceback,
                          event.mutated, event.duration_s)  # fmt: skip
    for visibility in ("visible", "hidden"):
        case = Case("f/case", "f", (np.zeros(2),), visibility)
        result = judge(case, EXERCISE, 10.0, outcome, expected, reveal=False)
        assert size(result.message) <= MESSAGE_BYTES
        json.dumps(result.to_dict(), allow_nan=False).encode("utf-8")
        diagnose(EXERCISE, [], [case], [expected], [outcome], [result])


def check_event(event: Any) -> None:
    """An accepted event: numbers in range, strings clean and bounded, arrays consistent."""
    if isinstance(event, CallEvent):
        assert 0 <= event.exercise <= protocol.MAX_INDEX and 0 <= event.case <= protocol.MAX_INDEX
        assert 0 <= event.duration_s <= protocol.MAX_DURATION_S
        assert all(0 <= k <= protocol.MAX_INDEX for k in event.mutated)
        texts = [event.error, *event.traceback]
        assert len(event.traceback) <= protocol.MAX_LINES
        if event.value is not None:
            check_returned(event.value)
            texts += [event.value.type_name, event.value.reason or ""]
        for expected in (np.zeros(2), np.array(0.0)):
            check_downstream(event, expected)
    elif isinstance(event, LoadError):
        texts = [event.kind, event.message, *event.traceback]
        assert event.line is None or 0 <= event.line <= protocol.MAX_INDEX
    elif isinstance(event, Loaded):
        texts = list(event.missing)
    else:
        texts = []
    for text in texts:
        assert clean(text, None) == text and len(text) <= protocol.ERROR_TEXT
        text.encode("utf-8")


def check_returned(value: Returned) -> None:
    assert len(value.shape or ()) <= protocol.MAX_DIMS
    if value.kind == "array":
        assert value.values is not None and value.values.dtype == np.float64
        assert value.values.shape == value.shape and value.values.size <= MAX_VALUES


def parse_or_refuse(line: bytes) -> None:
    """The property: an event (checked), or ProtocolError; any other exception fails."""
    try:
        event = parse_event(line, max_values=MAX_VALUES)
    except ProtocolError:
        return
    check_event(event)


PROPERTY = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(json_text | nesting)
def test_any_json_is_an_event_or_a_protocol_error(line: str) -> None:
    parse_or_refuse(line.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(events())
def test_any_event_shaped_object_is_an_event_or_a_protocol_error(line: str) -> None:
    parse_or_refuse(line.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(mutated_calls())
def test_a_call_with_any_field_replaced_is_an_event_or_a_protocol_error(line: str) -> None:
    parse_or_refuse(line.encode("utf-8", "surrogatepass"))


@PROPERTY
@given(
    st.binary(max_size=300)
    | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_any_bytes_are_an_event_or_a_protocol_error(line: bytes) -> None:
    parse_or_refuse(line)


@PROPERTY
@given(
    st.lists(st.integers(0, 4), max_size=protocol.MAX_DIMS)
    .filter(lambda shape: math.prod(shape) <= 300)
    .flatmap(
        lambda shape: st.tuples(
            st.just(shape),
            st.lists(
                st.floats() | st.sampled_from([-0.0, 5e-324, 1e308, -1e308]),
                min_size=math.prod(shape),
                max_size=math.prod(shape),
            ),
        )
    )
)
def test_every_array_the_harness_can_send_is_accepted(shape_and_data: Any) -> None:
    shape, data = shape_and_data
    event = parse_event(json.dumps(valid_call(tuple(shape), data)).encode(), max_values=MAX_VALUES)
    check_event(event)
    assert isinstance(event, CallEvent) and event.value is not None
    check_downstream(event, np.zeros(tuple(shape)))
