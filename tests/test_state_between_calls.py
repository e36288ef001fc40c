"""A function that keeps something from one call to the next (issue 18, round 6's class).

Each exercise's first call is made once more after the others, unjudged: where the two
answers differ, the failures are said to come from state kept between calls (a global,
a default argument, an attribute) or random numbers, and nothing else is guessed,
since every other observation is confounded by it. A cache that answers each shape
with its first result is steady under this repetition: it is not seen here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.execute import CallOutcome
from grader.judging import _drifted
from grader.sandbox.protocol import Returned

from .submissions import REFERENCE
from .test_recall_classes import BACKWARD_REFERENCE, graded, ids_of, lost, redefined

STATE = "symptom.state_between_calls"

KEEPS_STATE = {
    "momentum in a global": (
        "backward",
        "sgd_step",
        """
        _velocity = {}

        def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
            new_w, new_b = [], []
            for k, (w, b, gw, gb) in enumerate(zip(weights, biases, grad_weights, grad_biases)):
                v = 0.9 * _velocity.get(k, 0.0) - learning_rate * np.asarray(gw)
                _velocity[k] = v
                new_w.append(np.asarray(w) + v)
                new_b.append(np.asarray(b) - learning_rate * np.asarray(gb))
            return new_w, new_b
    """,
    ),
    "a default list as a running total": (
        "forward",
        "cross_entropy_loss",
        """
        def cross_entropy_loss(scores, labels, _seen=[]):
            s = np.asarray(scores, dtype=float)
            shifted = s - s.max(axis=1, keepdims=True)
            logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            _seen.extend(-logp[np.arange(len(s)), labels])
            return float(np.mean(_seen))
    """,
    ),
    "the weights kept in a global": (
        "backward",
        "sgd_step",
        """
        _params = []

        def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
            if not _params:  # the model's weights, kept from the first call on
                _params.extend(np.array(w, dtype=float) for w in weights)
            for p, g in zip(_params, grad_weights):
                p -= learning_rate * np.asarray(g)
            new_b = [np.asarray(b) - learning_rate * np.asarray(g)
                     for b, g in zip(biases, grad_biases)]
            return [p.copy() for p in _params], new_b
    """,
    ),
}


@pytest.mark.parametrize("style", sorted(KEEPS_STATE))
def test_state_kept_between_calls_is_said(tmp_path: Path, style: str) -> None:
    assignment, exercise, code = KEEPS_STATE[style]
    reference = REFERENCE if assignment == "forward" else BACKWARD_REFERENCE
    report = graded(tmp_path, redefined(reference, x=code), assignment)
    assert lost(report) == {exercise}
    assert ids_of(report, exercise) == {STATE}


def test_the_repeated_call_is_not_a_test(tmp_path: Path) -> None:
    report = graded(tmp_path, REFERENCE, "forward")
    assert report["score"] == report["max_score"]
    names = [t["name"] for t in report["tests"]]
    assert len(names) == len(set(names))  # no case judged twice


def test_a_wrong_but_steady_function_is_not_said_to_keep_state(tmp_path: Path) -> None:
    source = redefined(REFERENCE, softmax="""
        def softmax(z):
            e = np.exp(np.asarray(z, dtype=float))
            return e / e.sum()
    """)  # fmt: skip
    report = graded(tmp_path, source, "forward")
    assert "softmax" in lost(report)
    assert STATE not in ids_of(report, "softmax")


def _returned(values: list[float]) -> CallOutcome:
    import numpy as np

    array = np.asarray(values)
    return CallOutcome("returned", Returned("array", "ndarray", array.shape, array))


@pytest.mark.parametrize(
    ("first", "again", "drifted"),
    [
        (_returned([1.0, 2.0]), _returned([1.0, 2.0]), False),
        (_returned([1.0, 2.0]), _returned([1.0, 2.0 + 1e-13]), False),  # summed otherwise
        (_returned([1.0, 2.0]), _returned([1.0, 2.5]), True),
        (_returned([1.0, 2.0]), CallOutcome("raised", error="ValueError: shapes"), True),
        (
            CallOutcome("raised", error="KeyError: 0x7f01"),
            CallOutcome("raised", error="KeyError: 0x7f99"),
            False,
        ),
        (_returned([1.0]), CallOutcome("timeout", error="2 s"), False),  # unfinished: no claim
        (CallOutcome("crashed", error="killed"), _returned([1.0]), False),
        (_returned([1.0]), None, False),
    ],
)
def test_what_counts_as_another_answer(
    first: CallOutcome, again: CallOutcome | None, drifted: bool
) -> None:
    assert _drifted(first, again) is drifted
