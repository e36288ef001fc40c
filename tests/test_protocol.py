"""The child's messages are parsed strictly: anything malformed is refused, never compared."""

from __future__ import annotations

import json

import numpy as np
import pytest

from grader.protocol import CallEvent, ProtocolError, encode_arg, parse_event


def call(**value: object) -> bytes:
    event = {"ev": "call", "ex": 0, "case": 0, "status": "returned", "duration_s": 0.1,
             "mutated": [], "value": value}  # fmt: skip
    return json.dumps(event).encode()


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
        call(kind="array", type="x", shape=[3], data=[1, 2]),
        call(kind="array", type="x", shape=[2], data=[1, "2"]),
        call(kind="array", type="x", shape=[2], data=[1, True]),
        call(kind="array", type="x", shape=[2], data=[1, [2]]),
        call(kind="array", type="x", shape=[-2], data=[]),
        call(kind="array", type="x", shape=[11], data=[0] * 11),
        call(kind="pickle", type="x"),
        json.dumps({"ev": "call", "ex": "0", "case": 0, "status": "returned"}).encode(),
        json.dumps({"ev": "call", "ex": True, "case": 0, "status": "returned"}).encode(),
    ],
    ids=lambda line: line[:40].decode(errors="replace"),
)
def test_malformed_events_are_refused(line: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_event(line, max_values=10)


def test_encode_arg_tags_types() -> None:
    assert encode_arg(3) == {"t": "int", "v": 3}
    assert encode_arg(-2.5) == {"t": "float", "v": -2.5}
    assert encode_arg(None) == {"t": "none"}
    assert encode_arg(np.array([[1.0], [2.0]]))["shape"] == [2, 1]
    assert encode_arg([np.array([1], dtype=np.int64)])["items"][0]["dtype"] == "int64"
    with pytest.raises(TypeError):
        encode_arg(object())
