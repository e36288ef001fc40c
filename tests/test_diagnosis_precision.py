"""Precision before recall: a hint is said only where what it says was observed.

Each class below once gave a misleading hint on code the catalogue had never seen
(issue 18): a caller blamed with its callee's misconception, "right when biases is
zero" for biases that are used wrongly, a cause read into a single failed call. The
classes are written as students write them, graded as a submission is.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.behaviour import Observation, behaviour_hints
from grader.grade import grade

from .conftest import ROOT, with_replaced

BACKWARD_REFERENCE = (ROOT / "solutions" / "backward.py").read_text()


def backward_calling(**functions: str) -> str:
    """The reference, with functions redefined after it: its backward calls them."""
    import textwrap

    return BACKWARD_REFERENCE + "".join(
        "\n\n" + textwrap.dedent(code).strip() + "\n" for code in functions.values()
    )


def graded(tmp_path: Path, source: str, assignment: str, seed: int) -> dict[str, Any]:
    path = tmp_path / f"{assignment}.py"
    path.write_text(source)
    return grade(path, assignment=assignment, seed=seed, sandbox="process").to_dict()


def ids_of(report: dict[str, Any], exercise: str) -> set[str]:
    return {i for t in report["tests"] if t["exercise"] == exercise for i in t.get("hint_ids", [])}


# A callee's mistake, and the caller's own catalogued mistake that looks the same from
# outside: a backward that calls the wrong callee must be sent to the callee.
INHERITED = {
    "mask at z == 0": ("relu_grad", """
        def relu_grad(z):
            return (np.asarray(z, dtype=float) >= 0).astype(float)
    """, "backward.relu_grad_at_zero", "backward.mask_at_zero"),
    "no 1/m": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            p = softmax(scores)
            p[np.arange(len(p)), labels] -= 1
            return p
    """, "backward.grad_no_mean", "backward.no_mean"),
    "sign flipped": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            p = softmax(scores)
            onehot = np.zeros_like(p)
            onehot[np.arange(len(p)), labels] = 1
            return (onehot - p) / len(p)
    """, "backward.grad_sign_flipped", "backward.sign_flipped"),
    "unstable softmax": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            e = np.exp(np.asarray(scores, dtype=float))
            p = e / e.sum(axis=1, keepdims=True)
            p[np.arange(len(p)), labels] -= 1
            return p / len(p)
    """, "backward.grad_unstable", "backward.unstable_softmax"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(INHERITED))
def test_a_callee_mistake_is_not_blamed_on_its_caller(tmp_path: Path, name: str) -> None:
    callee, code, callee_id, caller_id = INHERITED[name]
    report = graded(tmp_path, backward_calling(**{callee: code}), "backward", 0)
    assert callee_id in ids_of(report, callee)
    failed = [t for t in report["tests"] if t["exercise"] == "backward" and t["status"] != "passed"]
    assert failed, "backward fails through its callee"
    assert caller_id not in ids_of(report, "backward")
    assert ids_of(report, "backward") <= {callee_id}, ids_of(report, "backward")


def test_a_caller_whose_callee_fails_undescribed_gets_no_guess(tmp_path: Path) -> None:
    """A callee wrong in a way nothing describes: its caller's results may be its doing."""
    code = """
        def relu_grad(z):
            return np.tanh(np.maximum(0, np.asarray(z, dtype=float)) * 3.0)
    """
    report = graded(tmp_path, backward_calling(relu_grad=code), "backward", 0)
    assert not ids_of(report, "relu_grad")
    failed = [t for t in report["tests"] if t["exercise"] == "backward" and t["status"] != "passed"]
    assert failed
    assert all(t["hint"] is None for t in failed), [t["hint"] for t in failed]


def test_an_error_is_said_before_a_split_and_a_split_never_explains_it(tmp_path: Path) -> None:
    """`if biases:` raises on an array: the error says how, "right when biases is not
    given" would say it is ignored, which it is not."""
    code = """
        def hidden_layer(inputs, weights, biases=None):
            z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
            if biases:
                z = z + np.asarray(biases, dtype=float)
            return np.maximum(0, z)
    """
    report = graded(tmp_path, with_replaced(hidden_layer=code), "forward", 0)
    ids = ids_of(report, "hidden_layer")
    assert "symptom.truth_value" in ids
    assert "behaviour.ignores_argument" not in ids


def test_biases_used_wrongly_are_not_said_to_be_ignored(tmp_path: Path) -> None:
    """Biases reshaped to a column: right without biases, an error or wrong values with."""
    code = """
        def hidden_layer(inputs, weights, biases=None):
            z = np.dot(inputs, weights)
            if biases is not None:
                z = z + np.array(biases).reshape(-1, 1)
            return np.maximum(0, z)
    """
    for seed in (0, 1):
        report = graded(tmp_path, with_replaced(hidden_layer=code), "forward", seed)
        assert "behaviour.ignores_argument" not in ids_of(report, "hidden_layer")


def obs(args: tuple[Any, ...], expected: Any, values: Any, passed: bool) -> Observation:
    return Observation(args, expected, values, values is None, passed)


def test_one_failed_call_is_not_related_to_its_expected_value() -> None:
    """A single failure relates to the expected value in many ways by chance."""
    e = np.array([[0.5, -0.5]])
    observations = [
        obs((np.array([[1.0, 2.0]]),), e, -e, False),  # looks "sign flipped"
        obs((np.array([[3.0, 1.0]]),), e, e, True),
        obs((np.array([[2.0, 2.0]]),), e, e, True),
    ]
    assert behaviour_hints(observations) == []


def test_an_argument_left_out_is_said_only_when_the_failures_return_values() -> None:
    x = np.ones((2, 3))
    passed = [obs((x, None), x, x, True), obs((x * 2, None), x, x, True)]
    raising = [obs((x, np.ones(3)), x, None, False), obs((x * 3, np.ones(3)), x, None, False)]
    assert behaviour_hints(passed + raising) == []
    wrong = [obs((x, np.ones(3)), x, x + 9.3, False), obs((x * 3, np.ones(3)), x, x * 0.1, False)]
    assert [s.id for s in behaviour_hints(passed + wrong)] == ["behaviour.ignores_argument"]


def test_numbers_and_rows_break_a_function_written_for_one_vector() -> None:
    """A relu that iterates over its argument: a number and a 2-D array both break it."""
    v, m = np.array([1.0, -2.0, 3.0]), np.array([[1.0, -2.0], [3.0, 4.0]])
    observations = [
        obs((3.0,), 3.0, None, False),
        obs((-2.5,), 0.0, None, False),
        obs((v,), v, v, True),
        obs((v * 2,), v, v, True),
        obs((m,), m, None, False),
    ]
    said = behaviour_hints(observations)
    assert [s.id for s in said] == ["behaviour.only_1d"]
    assert "a single number" in said[0].text and "2-D" in said[0].text


def test_a_row_count_threshold_is_a_split() -> None:
    """Right for 1 and 2 rows, wrong from 3: a loop bounded too early, say."""

    def rows(m: int) -> np.ndarray:
        return np.arange(m * 3, dtype=float).reshape(m, 3)

    observations = [
        obs((rows(1),), 1.0, 1.0, True),
        obs((rows(2),), 1.0, 1.0, True),
        obs((rows(3),), 1.0, 7.5, False),
        obs((rows(5),), 1.0, 2.25, False),
    ]
    said = behaviour_hints(observations)
    assert [s.id for s in said] == ["behaviour.row_count"]
    assert said[0].text.startswith("Right for 1 and 2 row(s)")


def test_layers_stacked_into_one_array_break_where_their_shapes_differ() -> None:
    """np.array(weights) raises on layers of different shapes: said as what was seen."""

    def net(*widths: int) -> list[np.ndarray]:
        return [np.ones((a, b)) for a, b in itertools.pairwise(widths)]

    def step(*widths: int, raised: bool) -> Observation:
        args = (net(*widths), net(*widths), 0.1)
        return obs(args, args[0], None if raised else args[0], not raised)

    stacked = [step(3, 2, raised=False), step(2, 2, 2, raised=False),
               step(3, 4, 2, raised=True), step(2, 3, 3, 2, raised=True)]  # fmt: skip
    assert [s.id for s in behaviour_hints(stacked)] == ["behaviour.fixed_sizes"]
    # The same sizes, but wrong values where they differ: not what stacking does.
    reversed_steps = [
        obs((net(3, 4, 2), net(3, 4, 2), 0.1), net(3, 4, 2), net(3, 4, 2)[::-1], False),
        obs((net(2, 3, 2), net(2, 3, 2), 0.1), net(2, 3, 2), net(2, 3, 2)[::-1], False),
    ]
    valued = [*stacked[:2], *reversed_steps]
    assert "behaviour.fixed_sizes" not in [s.id for s in behaviour_hints(valued)]


def test_a_caller_sent_to_its_callee_counts_as_the_callees_mistake() -> None:
    """The class report counts misconceptions from the hints' words: the callee's."""
    from grader.diagnose import hint_parts

    hint = ("Your backward is meant to call your relu_grad, which fails its own tests: fix "
            "relu_grad first (At z == 0 the slope is taken to be 0 (not 1).)")  # fmt: skip
    assert hint_parts(hint, "backward") == [
        ("relu_grad", "At z == 0 the slope is taken to be 0 (not 1).")
    ]


def test_one_shape_whatever_the_arguments_is_a_size_written_in() -> None:
    """Two nodes hard-coded: shape (2,) comes back for every layer, right only for 2 nodes."""

    def layer(n_in: int, n_out: int, passed: bool) -> Observation:
        x, w = np.ones(n_in), np.ones((n_in, n_out))
        return obs((x, w), x @ w, np.full(2, 9.0) if not passed else x @ w, passed)

    observations = [layer(2, 2, True), layer(3, 2, True), layer(3, 4, False), layer(4, 3, False)]
    said = behaviour_hints(observations)
    assert [s.id for s in said] == ["behaviour.fixed_sizes"]
    assert "shape (2,)" in said[0].text
    # One expected shape among the failures: a shape alone, no size is seen to be fixed.
    alike = [layer(2, 2, True), layer(3, 2, True), layer(3, 4, False), layer(5, 4, False)]
    assert "behaviour.fixed_sizes" not in [s.id for s in behaviour_hints(alike)]
