"""Properties over arbitrary input: the parser only ever refuses, the comparator never lies."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.compare import compare
from grader.sandbox.protocol import ProtocolError, Returned, parse_event


@given(st.binary(max_size=2000))
def test_parser_refuses_garbage_cleanly(line: bytes) -> None:
    try:
        parse_event(line, max_values=100)
    except ProtocolError:
        pass


finite = st.floats(-1e6, 1e6, allow_nan=False)


@given(hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=5), elements=finite))
def test_compare_accepts_itself_and_rejects_a_clear_change(expected: np.ndarray) -> None:
    same = Returned("array", "ndarray", expected.shape, expected.copy())
    assert compare(expected, same, name="f", reveal=True).passed
    if expected.size:
        changed = expected.copy()
        changed.flat[0] += 1 + abs(changed.flat[0])
        moved = Returned("array", "ndarray", expected.shape, changed)
        assert not compare(expected, moved, name="f", reveal=False).passed
