"""The backward assignment: the reference is right, the cases catch every catalogued mistake.

Right means: it agrees with central finite differences of the mean cross-entropy loss,
and gives the hand-computed numbers its docstrings state. Catching means: every
mistake behaves differently from the reference on the hidden cases of every seed
tried, and from every other mistake of its exercise, so that its hint can be named.
"""

from __future__ import annotations

import copy
import itertools
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assignments.backward import ASSIGNMENT, course_cases, make_cases, random_cases
from assignments.backward.mistakes import CALLS, EQUIVALENTS, MISTAKES, combine
from solutions import backward as reference

SEEDS = range(5)
EPS = 1e-6
ROOT = Path(__file__).resolve().parents[1]


def loss(scores: np.ndarray, labels: np.ndarray) -> float:
    """The mean cross-entropy loss, written independently of the reference."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(labels)), labels].mean())


def network_loss(inputs, weights, biases, labels) -> float:
    values = inputs
    for k, (w, b) in enumerate(zip(weights, biases, strict=True)):
        values = values @ w + b
        if k < len(weights) - 1:
            values = np.maximum(0, values)
    return loss(values, labels)


def numerical_grad(f: Callable[[], float], x: np.ndarray) -> np.ndarray:
    """Central differences of f() with respect to every entry of x (changed and restored)."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        kept = x[index]
        x[index] = kept + EPS
        up = f()
        x[index] = kept - EPS
        down = f()
        x[index] = kept
        grad[index] = (up - down) / (2 * EPS)
    return grad


def close(actual: Any, expected: Any) -> None:
    np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-8)


# The reference against finite differences


def test_relu_grad_is_relus_slope_away_from_zero() -> None:
    rng = np.random.default_rng(1)
    z = rng.normal(size=(4, 5))
    z[np.abs(z) < 0.1] = 0.5  # ReLU has a corner at 0: differences there mean nothing
    slope = (np.maximum(0, z + EPS) - np.maximum(0, z - EPS)) / (2 * EPS)
    close(reference.relu_grad(z), slope)
    assert reference.relu_grad(z).dtype == np.float64


@pytest.mark.parametrize("m,n", [(2, 2), (5, 3), (3, 7)])
def test_softmax_cross_entropy_grad_matches_finite_differences(m: int, n: int) -> None:
    rng = np.random.default_rng(m * 10 + n)
    scores, labels = rng.normal(size=(m, n)) * 3, rng.integers(0, n, size=m)
    numeric = numerical_grad(lambda: loss(scores, labels), scores)
    close(reference.softmax_cross_entropy_grad(scores, labels), numeric)


@pytest.mark.parametrize("m,n_in,n_out", [(2, 3, 4), (5, 2, 2), (3, 4, 1)])
def test_dense_backward_matches_finite_differences(m: int, n_in: int, n_out: int) -> None:
    # For z = inputs @ weights + biases and the scalar sum(z * R), dL/dz is R.
    rng = np.random.default_rng(m + 10 * n_in + 100 * n_out)
    inputs, weights = rng.normal(size=(m, n_in)), rng.normal(size=(n_in, n_out))
    biases, r = rng.normal(size=n_out), rng.normal(size=(m, n_out))

    def scalar() -> float:
        return float(((inputs @ weights + biases) * r).sum())

    grads = reference.dense_backward(inputs, weights, r)
    assert isinstance(grads, tuple) and len(grads) == 3
    for grad, param in zip(grads, (inputs, weights, biases), strict=True):
        close(grad, numerical_grad(scalar, param))


@pytest.mark.parametrize("widths", [[3, 4], [3, 5, 2], [4, 3, 5, 3]])
def test_backward_matches_finite_differences(widths: list[int]) -> None:
    rng = np.random.default_rng(len(widths))
    m = 4
    inputs, labels = rng.normal(size=(m, widths[0])), rng.integers(0, widths[-1], size=m)
    weights = [rng.normal(size=(a, b)) for a, b in itertools.pairwise(widths)]
    biases = [rng.normal(size=b) * 0.5 for b in widths[1:]]
    grad_weights, grad_biases = reference.backward(inputs, weights, biases, labels)
    assert isinstance(grad_weights, list) and isinstance(grad_biases, list)

    def f() -> float:
        return network_loss(inputs, weights, biases, labels)

    for grad, param in zip(grad_weights + grad_biases, weights + biases, strict=True):
        close(grad, numerical_grad(f, param))


def test_sgd_step_is_one_step_downhill_and_leaves_its_arguments() -> None:
    rng = np.random.default_rng(7)
    weights = [rng.normal(size=(3, 2)), rng.normal(size=(2, 2))]
    biases = [rng.normal(size=2), rng.normal(size=2)]
    grads_w = [rng.normal(size=w.shape) for w in weights]
    grads_b = [rng.normal(size=b.shape) for b in biases]
    before = copy.deepcopy((weights, biases))
    new_w, new_b = reference.sgd_step(weights, biases, grads_w, grads_b, 0.25)
    for new, old, g in zip(new_w + new_b, weights + biases, grads_w + grads_b, strict=True):
        close(new, old - 0.25 * g)
    for now, then in zip(weights + biases, before[0] + before[1], strict=True):
        np.testing.assert_array_equal(now, then)


def test_a_step_lowers_the_loss_of_the_bank_example() -> None:
    inputs, labels = np.array([[2.0, 3.0]]), np.array([0])
    weights = [np.array(w) for w in ([[1.0, -1.0], [1.0, 1.0]], [[2.0, 1.0], [-1.0, 4.0]])]
    biases = [np.zeros(2), np.zeros(2)]
    grads = reference.backward(inputs, weights, biases, labels)
    new_w, new_b = reference.sgd_step(weights, biases, *grads, 0.1)
    assert network_loss(inputs, weights, biases, labels) == pytest.approx(np.log(2))
    assert network_loss(inputs, new_w, new_b, labels) == pytest.approx(0.000175, rel=1e-2)


# The worked examples: the numbers the docstrings and the notebook state

EXPECTED = {
    "relu_grad/course_array": [1, 0],
    "relu_grad/deep_relu_first_layer": [[1, 0]],
    "relu_grad/at_zero": [1, 0, 0],
    "softmax_cross_entropy_grad/bank_undecided": [[-0.5, 0.5]],
    "softmax_cross_entropy_grad/two_rows": [[-0.25, 0.25], [0.25, -0.25]],
    "softmax_cross_entropy_grad/large_logit": [[1, -1]],
    "dense_backward/bank_output_layer": ([[-0.5, 2.5]], [[-2.5, 2.5], [-0.5, 0.5]], [-0.5, 0.5]),
    "dense_backward/bank_hidden_layer": ([[-3, 2]], [[-1, 5], [-1.5, 7.5]], [-0.5, 2.5]),
    "backward/bank": (
        [[[-1, 5], [-1.5, 7.5]], [[-2.5, 2.5], [-0.5, 0.5]]],
        [[-0.5, 2.5], [-0.5, 0.5]],
    ),
    "backward/deep_relu": ([[[1.5, 0], [2.5, 0]], [[13, -13], [0, 0]]], [[0.5, 0], [0.5, -0.5]]),
    "backward/bank_twice": (
        [[[-1, 5], [-1.5, 7.5]], [[-2.5, 2.5], [-0.5, 0.5]]],
        [[-0.5, 2.5], [-0.5, 0.5]],
    ),
    "sgd_step/bank_step": (
        [[[1.1, -1.5], [1.15, 0.25]], [[2.25, 0.75], [-0.95, 3.95]]],
        [[0.05, -0.25], [0.05, -0.05]],
    ),
}


def leaves(value: Any) -> list[np.ndarray]:
    """A structured value's arrays, in order (tuples and lists of arrays flattened)."""
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in leaves(item)]
    return [np.asarray(value, dtype=float)]


def structure(value: Any) -> Any:
    """The nesting of tuples and lists, with each array's shape at the leaves."""
    if isinstance(value, tuple):
        return ("tuple", [structure(v) for v in value])
    if isinstance(value, list):
        return ("list", [structure(v) for v in value])
    return np.shape(value)


@pytest.mark.parametrize("case", course_cases(), ids=lambda c: c.name)
def test_worked_examples_give_the_stated_numbers(case) -> None:
    got = ASSIGNMENT.reference[case.exercise](*case.args)
    expected = EXPECTED[case.name]
    if isinstance(expected, tuple):
        assert isinstance(got, tuple) and len(got) == len(expected)
        for part, want in zip(got, expected, strict=True):
            if isinstance(part, list):
                assert len(part) == len(want)
                for array, values in zip(part, want, strict=True):
                    np.testing.assert_allclose(array, values, rtol=1e-12, atol=1e-12)
            else:
                np.testing.assert_allclose(part, want, rtol=1e-12, atol=1e-12)
    else:
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


def test_every_worked_example_is_stated() -> None:
    assert sorted(EXPECTED) == sorted(c.name for c in course_cases())


# The cases catch the mistakes


def read_only(value: Any) -> Any:
    """Arguments as the sandbox hands them over: arrays that refuse writes."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, (list, tuple)):
        for item in value:
            read_only(item)
    return value


def behaviour(function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """What a call does: its result's structure and values, or that it raised."""
    arguments = read_only(copy.deepcopy(args))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = function(*arguments)
        except Exception:
            return "raised"  # any exception alike: stricter than the grader, never laxer
    return structure(result), leaves(result)


def same(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return a[0] == b[0] and all(
        x.shape == y.shape and np.allclose(x, y, rtol=1e-5, atol=1e-8, equal_nan=True)
        for x, y in zip(a[1], b[1], strict=True)
    )


def hidden(seed: int, exercise: str) -> list:
    return [c for c in random_cases(seed) if c.exercise == exercise]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_each_mistake_is_caught_by_the_hidden_cases_of_every_seed(mistake, seed: int) -> None:
    right = ASSIGNMENT.reference[mistake.exercise]
    caught = [
        c.name
        for c in hidden(seed, mistake.exercise)
        if not same(behaviour(mistake.implementation, c.args), behaviour(right, c.args))
    ]
    assert caught, f"{mistake.name} passes every hidden case of seed {seed}"


@pytest.mark.parametrize("seed", SEEDS)
def test_mistakes_of_an_exercise_are_told_apart(seed: int) -> None:
    for i, a in enumerate(MISTAKES):
        for b in MISTAKES[i + 1 :]:
            if a.exercise != b.exercise or a.hint == b.hint:
                continue
            cases = make_cases(seed)
            assert any(
                not same(behaviour(a.implementation, c.args), behaviour(b.implementation, c.args))
                for c in cases
                if c.exercise == a.exercise
            ), f"{a.name} and {b.name} behave alike at seed {seed}"


@pytest.mark.parametrize("seed", SEEDS)
def test_right_answers_written_another_way_agree_with_the_reference(seed: int) -> None:
    for exercise, functions in EQUIVALENTS.items():
        for case in make_cases(seed):
            if case.exercise == exercise:
                want = behaviour(ASSIGNMENT.reference[exercise], case.args)
                for function in functions:
                    assert same(behaviour(function, case.args), want), (function, case.name)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_reference_never_writes_into_its_arguments(seed: int) -> None:
    for case in make_cases(seed):
        assert behaviour(ASSIGNMENT.reference[case.exercise], case.args) != "raised", case.name


def test_catalogue() -> None:
    names = [m.name for m in MISTAKES]
    assert len(set(names)) == len(names)
    assert all(n.startswith("backward.") for n in names)
    exercises = {e.name for e in ASSIGNMENT.exercises}
    assert {m.exercise for m in MISTAKES} == exercises, "every exercise has known mistakes"
    assert all(len(m.hint) > 30 for m in MISTAKES)


def test_a_broken_callee_is_reproduced_inside_backward() -> None:
    by_name = {m.name: m for m in MISTAKES}
    assert set(CALLS["backward"]) <= {e.name for e in ASSIGNMENT.exercises}
    case = hidden(0, "backward")[1]
    right = behaviour(ASSIGNMENT.reference["backward"], case.args)
    for callee in (
        "backward.grad_no_mean",
        "backward.dense_averaged",
        "backward.relu_grad_is_relu",
    ):
        alone = combine("backward", (by_name[callee],))
        assert not same(behaviour(alone, case.args), right), callee
        with_own = combine("backward", (by_name[callee], by_name["backward.swapped"]))
        assert not same(behaviour(with_own, case.args), behaviour(alone, case.args)), callee
    # anything else is not modelled: nothing to run, so it names nothing
    assert combine("relu_grad", (by_name["backward.relu_grad_at_zero"],) * 2) is None


# The cases themselves


def arrays(cases: list) -> list[np.ndarray]:
    return [leaf for c in cases for leaf in leaves(list(c.args))]


def test_cases_are_deterministic_per_seed_and_differ_across_seeds() -> None:
    for seed in SEEDS:
        once, again = arrays(random_cases(seed)), arrays(random_cases(seed))
        assert all(np.array_equal(a, b) for a, b in zip(once, again, strict=True))
    first, second = arrays(random_cases(0)), arrays(random_cases(1))
    assert not all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))


def test_hidden_values_are_rounded_to_two_decimals() -> None:
    for case in random_cases(3):
        for leaf in leaves(list(case.args)):
            np.testing.assert_array_equal(leaf, leaf.round(2))


def test_assignment_declaration() -> None:
    assert sum(e.points for e in ASSIGNMENT.exercises) == 100
    names = [e.name for e in ASSIGNMENT.exercises]
    assert names == ["relu_grad", "softmax_cross_entropy_grad", "dense_backward", "backward",
                     "sgd_step"]  # fmt: skip
    assert set(ASSIGNMENT.tips) == set(names)
    assert ASSIGNMENT.submission_name == "backward.py"
    assert ASSIGNMENT.solution == ROOT / "solutions" / "backward.py"
    assert ASSIGNMENT.exercise("dense_backward").parts == (
        "grad_inputs", "grad_weights", "grad_biases",
    )  # fmt: skip
    assert ASSIGNMENT.exercise("backward").parts == ("grad_weights", "grad_biases")
    for seed in SEEDS:
        cases = make_cases(seed)
        assert len({c.name for c in cases}) == len(cases)
        for name in names:
            kinds = {c.visibility for c in cases if c.exercise == name}
            assert kinds == {"visible", "hidden"}, name


# End to end


def test_the_reference_gets_full_marks_in_the_sandbox() -> None:
    from grader.grade import grade_submission

    report = grade_submission(
        path=ROOT / "solutions" / "backward.py", assignment="backward", sandbox="process"
    )
    assert report["status"] == "graded", report["message"]
    failed = [t["name"] + ": " + t["message"] for t in report["tests"] if t["status"] != "passed"]
    assert not failed
    assert report["score"] == report["max_score"] == 100


# The student's files, as the authoring generator derives them from the reference

EXERCISE_NAMES = [e.name for e in ASSIGNMENT.exercises]


def test_the_stub_leaves_every_exercise_to_the_student() -> None:
    from grader import authoring

    text = (ROOT / "solutions" / "backward.py").read_text()
    assert sorted(authoring.solution_regions(text)) == sorted(EXERCISE_NAMES)
    namespace: dict[str, Any] = {"__name__": "submission"}
    exec(compile(authoring.stub_source(text), "backward.py", "exec"), namespace)
    close(namespace["softmax"]([[1000.0, 1000.0]]), [[0.5, 0.5]])  # given, not an exercise
    for name in EXERCISE_NAMES:
        with pytest.raises(NotImplementedError):
            namespace[name](*[None] * namespace[name].__code__.co_argcount)


def test_the_notebook_imports_cleanly_when_graded_before_anything_is_written() -> None:
    # The gradient-check cell must not run at grading time, or an unfinished backward
    # would cost the whole submission instead of its own points.
    from grader import authoring

    text = (ROOT / "solutions" / "backward.py").read_text()
    book = authoring.notebook(text, "backward", EXERCISE_NAMES)
    graded = [
        c.source
        for c in book.cells
        if c.cell_type == "code" and "skip-grading" not in c.metadata.get("tags", [])
    ]
    namespace: dict[str, Any] = {"__name__": "submission"}
    exec(compile("\n\n".join(graded), "backward.ipynb", "exec"), namespace)
    assert callable(namespace["check_gradients"])
