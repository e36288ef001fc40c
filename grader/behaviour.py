"""Say how a function's results relate to the expected ones, with no catalogue of mistakes.

The student's function and the reference ran on the same cases (the student's in
the sandbox, the reference here); this module only compares what came back. Two
kinds of statement, each made only when it was observed:

* a relation between the values on every failed test: the transpose, a constant
  factor (m times too large, 1/n of the value, the sign flipped), rounded or cut
  to integers, negatives come back as 0, only the first example right, the right
  numbers in another shape, close but not equal;
* a property of the arguments that splits the passed tests from the failed ones:
  1-D against 2-D input, the number of rows, of columns or of layers, large
  values, exact zeros, an argument left out or zero.

A statement says what was seen; a question may suggest where to look, and only a
catalogued mistake (grader/diagnose.py) names a cause. Each statement has a stable
id (``IDS``) recorded in the report, so a benchmark can score it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

# Every behaviour hint's id and what it says, for benchmarks and instructors.
IDS: dict[str, str] = {
    "behaviour.reshaped": "the right numbers in another shape (flattened, an extra or a "
    "missing axis)",
    "behaviour.transposed": "the transpose of the expected array",
    "behaviour.only_first_example": "only the first example (row) is right, or used for every row",
    "behaviour.sum_not_mean": "m times the expected value, m the number of rows: a sum where "
    "the mean is expected",
    "behaviour.per_example_not_reduced": "one value per example where their mean is expected",
    "behaviour.not_summed": "the terms one by one where their sum is expected",
    "behaviour.divided_by_rows": "1/m of the expected value, m the number of rows: divided by "
    "m once too often",
    "behaviour.divided_by_columns": "1/n of the expected value, n the number of columns "
    "(classes): divided by the number of classes",
    "behaviour.times_columns": "n times the expected value, n the number of columns",
    "behaviour.sign_flipped": "the expected value with the opposite sign",
    "behaviour.constant_factor": "the expected value times the same constant everywhere",
    "behaviour.rounded": "the expected value rounded to a few decimals",
    "behaviour.label_entries_wrong": "wrong only in each row's label column (the one-hot part)",
    "behaviour.only_label_entries_right": "right only in each row's label column",
    "behaviour.unchanged": "a part of the result is an argument returned unchanged",
    "behaviour.step_reversed": "new values moved the opposite way from the expected step",
    "behaviour.step_without_scalar": "new values moved 1/x times as far as expected, x a "
    "number argument (a learning rate left out)",
    "behaviour.truncated": "the expected value with its fractions cut off (an integer array)",
    "behaviour.negatives_zeroed": "the expected value with negative entries replaced by 0 "
    "(a max(0, x) where none belongs)",
    "behaviour.negatives_kept": "negative entries where the expected value has 0 "
    "(a max(0, x) missing)",
    "behaviour.absolute_value": "the absolute value of the expected value",
    "behaviour.columns_sum_to_one": "probabilities normalised down the columns instead of "
    "along each row",
    "behaviour.whole_sums_to_one": "probabilities normalised over the whole array instead of "
    "each row",
    "behaviour.max_is_one": "each row divided by its maximum instead of its sum",
    "behaviour.slightly_off": "close to the expected value but not within tolerance (an "
    "epsilon or a rounding)",
    "behaviour.only_1d": "right for one example as a 1-D array, wrong for 2-D rows",
    "behaviour.only_2d": "right for 2-D rows, wrong for one example as a 1-D array",
    "behaviour.row_count": "right for some numbers of rows (examples), wrong for others",
    "behaviour.fixed_input_count": "right only for some number of columns (inputs)",
    "behaviour.fixed_layer_count": "right for some numbers of layers, wrong for others",
    "behaviour.fixed_sizes": "right only for one network's sizes (inputs and layer widths)",
    "behaviour.large_values": "wrong only for large values (overflow)",
    "behaviour.zero_values": "wrong only where a value is exactly 0",
    "behaviour.negative_values": "right when no value is negative, wrong otherwise",
    "behaviour.ignores_argument": "right when an argument is zero or left out, wrong otherwise",
}

LARGE = 100.0  # values at least this large make exp overflow-prone (exp(710) is inf)
RTOL, ATOL = 1e-5, 1e-8  # the comparison's default tolerances


@dataclass(frozen=True)
class Said:
    """One observed statement: its id, its words, and how specific it is (lower: first)."""

    id: str
    text: str
    rank: int


@dataclass(frozen=True)
class Observation:
    """One call: its arguments, the expected result, and what the student's function did."""

    args: tuple[Any, ...]
    expected: Any
    values: Any  # None when it raised or returned nothing readable
    raised: bool
    passed: bool
    example: bool = False  # a worked example: its round values prove little when it passes


def behaviour_hints(
    observations: Sequence[Observation],
    parts: tuple[str, ...] = (),
    parameters: Sequence[str] = (),
    limit: int = 2,
) -> list[Said]:
    """What the student's results have in common where they fail, most specific first."""
    failed = [o for o in observations if not o.passed]
    if not failed:
        return []
    # A relation that holds on every failure tells the whole story; a split would add a
    # property that may only go with it.
    said = _first_row_alone(observations) or _relations(failed, parts, parameters)
    said = said or _splits(observations, parameters)
    said.sort(key=lambda s: s.rank)
    return list({s.id + s.text: s for s in said}.values())[:limit]


def relations_only(observations: Sequence[Observation], parts: tuple[str, ...] = (),
                   parameters: Sequence[str] = ()) -> list[Said]:  # fmt: skip
    """The relations of the values alone (no split of the arguments), most specific first."""
    failed = [o for o in observations if not o.passed]
    said = _first_row_alone(observations) or _relations(failed, parts, parameters)
    return sorted(said, key=lambda s: s.rank)


def _first_row_alone(observations: Sequence[Observation]) -> list[Said]:
    """A batch's result that is the expected result of its first row alone.

    Needs a call whose arguments are another call's cut to its first row (a probe pair):
    the batch's rows in its first array argument, and any argument of one entry per row.
    """
    seen = 0
    for batch in observations:
        if batch.passed or batch.values is None:
            continue
        for alone in observations:
            if alone is not batch and _is_first_row(alone.args, batch.args):
                if _close(alone.expected, batch.expected) or not _same(alone.expected,
                                                                        batch.values):  # fmt: skip
                    return []
                seen += 1
    if not seen:
        return []
    text = ("The result of a batch is the expected result of its first row (example) alone: "
            "is only the first example used?")  # fmt: skip
    return [Said("behaviour.only_first_example", text, 2)]


def _is_first_row(alone: tuple[Any, ...], batch: tuple[Any, ...]) -> bool:
    first = _first_array(batch)
    if first is None or first.ndim != 2 or first.shape[0] < 2 or len(alone) != len(batch):
        return False
    m = first.shape[0]
    for a, b in zip(alone, batch, strict=True):
        if isinstance(b, np.ndarray) and b.ndim >= 1 and b.shape[0] == m:
            b = b[:1]
        if not _equal(a, b):
            return False
    return True


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return a.shape == b.shape and bool(np.array_equal(a, b))
    return type(a) is type(b) and bool(a == b)


def _same(expected: Any, got: Any) -> bool:
    """The same numbers, read item by item (a list of arrays may come back stacked)."""
    leaves = list(_leaves(expected, got, "", ()))
    return bool(leaves) and all(_is(e, g) if isinstance(e, np.ndarray) else _close(e, g)
                                for _, e, g in leaves)  # fmt: skip


# Relations between the values


def _relations(
    failed: Sequence[Observation], parts: tuple[str, ...], parameters: Sequence[str] = ()
) -> list[Said]:
    """Relations that hold on every wrong item of every failed call that returned values.

    When none does and some failed calls had large values, the others are tried alone:
    "apart from large values" (an epsilon that is also capped, a clip).
    """
    said = _relations_on(failed, parts, parameters)
    if said:
        return said
    ordinary = [o for o in failed if not properties(o.args).get("large")]
    if 2 <= len(ordinary) < len(failed):
        apart = "Apart from large values: "
        return [replace(s, text=apart + s.text[0].lower() + s.text[1:], rank=s.rank + 1)
                for s in _relations_on(ordinary, parts, parameters)]  # fmt: skip
    return []


def _relations_on(
    failed: Sequence[Observation], parts: tuple[str, ...], parameters: Sequence[str]
) -> list[Said]:
    if any(o.values is None for o in failed):
        return []  # some failures raised: a relation of the values would not cover them
    if len(failed) < 2:
        return []  # one failed call relates to the expected one in many ways by chance
    by_path: dict[str, list[set[tuple[str, Any]]]] = {}
    shapes: dict[str, tuple[Any, Any, bool]] = {}
    for o in failed:
        expected = _unstacked(o.expected, o.args, parts)
        values = _unstacked(o.values, o.args, parts)
        wrong = [(p, e, g) for p, e, g in _leaves(expected, values, "", parts)
                 if not _close(e, g)]  # fmt: skip
        if not wrong:
            return []  # failed for another reason (a mutation, a type): nothing to relate
        given = _given(expected, o.args, parts)
        for path, e, g in wrong:
            seen = _relations_of(e, g, o.args)
            reshaped = _as_shaped(e, g)
            if reshaped is not None and {k for k, _ in seen} <= {"behaviour.reshaped"}:
                # Another shape, and perhaps values that relate once reshaped: both are said.
                where = _general(path)
                right = _close(e, reshaped)
                shape = shapes.setdefault(where, (g.shape, e.shape, True))
                shapes[where] = (*shape[:2], shape[2] and right)
                if right:
                    continue
                seen = _relations_of(e, reshaped, o.args)
                g = reshaped
            if path in given:
                seen |= _step_relations(e, g, given[path], o.args, parameters)
            by_path.setdefault(_general(path), []).append(seen)
    said = []
    for path, found in by_path.items():
        common = set.intersection(*found)
        if common:
            said.append(_say(path, _best(common), len(by_path) > 1))
    if len(said) != len(by_path):
        return []  # a part is wrong in a way no relation covers: do not tell half the story
    several = len(set(by_path) | set(shapes)) > 1
    for path, shape in shapes.items():  # the shape is said too, after what the values show
        if path in by_path or len(by_path):
            prefix = f"{path}: " if path and several else ""
            text = (f"{prefix}Also a different shape ({_shape(shape[0])}, expected "
                    f"{_shape(shape[1])}).")  # fmt: skip
            said.append(Said("behaviour.reshaped", text, len(ORDER)))
        else:
            said.append(_say(path, ("behaviour.reshaped", shape), several))
    return said


def _as_shaped(e: Any, g: Any) -> np.ndarray | None:
    """The student's numbers in the expected shape, when only the shape differs."""
    if (isinstance(e, np.ndarray) and isinstance(g, np.ndarray) and g.shape != e.shape
            and g.size == e.size):  # fmt: skip
        return g.reshape(e.shape)
    return None


def _unstacked(value: Any, args: tuple[Any, ...], parts: tuple[str, ...]) -> Any:
    """A result item by item where the arguments in its place are lists of arrays.

    Equal-shaped arrays in a list cross the boundary stacked; read against lists of
    arrays given in the same places, they are read as lists again.
    """
    stacked = isinstance(value, np.ndarray) and value.ndim >= 1 and value.shape[0] == len(parts)
    if not (parts and (isinstance(value, (tuple, list)) or stacked)):
        return value
    items = list(value)
    if len(args) < len(items):
        return value
    out = []
    for item, arg in zip(items, args, strict=False):
        if (isinstance(item, np.ndarray) and isinstance(arg, (list, tuple)) and item.ndim >= 1
                and len(arg) == item.shape[0]):  # fmt: skip
            out.append(list(item))
        else:
            out.append(item)
    return tuple(out) if isinstance(value, (tuple, np.ndarray)) else out


def _given(expected: Any, args: tuple[Any, ...], parts: tuple[str, ...]) -> dict[str, Any]:
    """For a result shaped like the first arguments (new parameters), each item's old value.

    Only when every item of the result has the shape of the argument in its place.
    """
    if isinstance(expected, np.ndarray):
        n = expected.shape[0] if expected.ndim else 0
    else:
        n = len(expected) if isinstance(expected, (tuple, list)) else 0
    if not n or len(args) < n:
        return {}
    pairs = list(_leaves(expected, tuple(args[:n]), "", parts))
    if not all(isinstance(a, np.ndarray) and _shape_of(e) == a.shape for _, e, a in pairs):
        return {}
    return {p: a for p, _, a in pairs}


def _shape_of(value: Any) -> Any:
    return value.shape if isinstance(value, np.ndarray) else None


def _step_relations(e: Any, g: Any, before: np.ndarray, args: tuple[Any, ...],
                    parameters: Sequence[str]) -> set[tuple[str, Any]]:  # fmt: skip
    """How the student's change to a given array relates to the expected change."""
    if not isinstance(e, np.ndarray) or not isinstance(g, np.ndarray) or g.shape != e.shape:
        return set()
    with np.errstate(all="ignore"):
        want, made = e - before, g - before
        if not np.any(np.abs(want) > 1e-9) or not np.all(np.isfinite(made)):
            return set()
        if np.allclose(made, 0, atol=1e-12):
            return {("behaviour.unchanged", None)}
        nonzero = np.abs(want) > 1e-9
        ratios = made[nonzero] / want[nonzero]
        c = float(np.median(ratios))
        if not np.allclose(ratios, c, rtol=1e-6) or not np.allclose(made[~nonzero], 0):
            return set()
    found: set[tuple[str, Any]] = set()
    if np.isclose(c, -1.0):
        found.add(("behaviour.step_reversed", None))
    for k, a in enumerate(args):
        if isinstance(a, float) and a not in (0.0, 1.0) and np.isclose(abs(c), 1.0 / a):
            name = parameters[k] if k < len(parameters) else f"argument {k + 1}"
            found.add(("behaviour.step_without_scalar", name))
    return found


Leaf = tuple[str, Any, Any]


def _leaves(expected: Any, got: Any, path: str, parts: tuple[str, ...]) -> Iterator[Leaf]:
    """Matching items of two results, item by item; a list of arrays is not stacked."""
    if isinstance(expected, np.ndarray) and isinstance(got, np.ndarray):
        yield path, expected, got
        return
    e_items = _items(expected, got)
    g_items = _items(got, expected)
    if e_items is None or g_items is None or len(e_items) != len(g_items):
        yield path, expected, got
        return
    for k, (e, g) in enumerate(zip(e_items, g_items, strict=True)):
        name = parts[k] if not path and k < len(parts) else f"{path}[{k}]"
        yield from _leaves(e, g, name, ())


def _items(value: Any, other: Any) -> list[Any] | None:
    """A sequence's items; an array's rows when the other side is a list of as many items
    (a list of equal-shaped arrays crosses the boundary stacked)."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if (isinstance(value, np.ndarray) and value.ndim >= 1 and isinstance(other, (list, tuple))
            and len(other) == value.shape[0]):  # fmt: skip
        return list(value)
    return None


def _general(path: str) -> str:
    """grad_weights[1] and grad_weights[0] are one part: grad_weights."""
    return path.split("[", 1)[0]


def _close(e: Any, g: Any) -> bool:
    if isinstance(e, np.ndarray) and isinstance(g, np.ndarray):
        if e.shape != g.shape:
            return False
        with np.errstate(all="ignore"):
            return bool(np.allclose(g, e, rtol=RTOL, atol=ATOL))
    try:
        return bool(e == g)
    except ValueError:
        return False


def _is(e: np.ndarray, g: Any) -> bool:
    """g has e's shape and values (finite, within tolerance)."""
    if not isinstance(g, np.ndarray) or g.shape != e.shape:
        return False
    with np.errstate(all="ignore"):
        return bool(np.all(np.isfinite(g))) and bool(np.allclose(g, e, rtol=RTOL, atol=ATOL))


def _dims(args: tuple[Any, ...]) -> dict[str, int]:
    """The sizes a factor may be: rows (m) and columns (n) of the first array argument."""
    first = _first_array(args)
    if first is None or first.ndim != 2:
        return {}
    return {"m": first.shape[0], "n": first.shape[1]}


def _relations_of(e: Any, g: Any, args: tuple[Any, ...]) -> set[tuple[str, Any]]:
    """Every relation that holds between one expected item and the student's."""
    if not isinstance(e, np.ndarray) or not isinstance(g, np.ndarray):
        return set()
    found: set[tuple[str, Any]] = set()
    with np.errstate(all="ignore"):
        if g.shape != e.shape:
            return _shape_relations(e, g, args)
        if not np.all(np.isfinite(g)):
            return set()
        if e.ndim == 2 and e.shape[0] >= 2 and _is(e[:1].repeat(e.shape[0], 0), g) \
                and not _is(e, g):  # fmt: skip
            found.add(("behaviour.only_first_example", None))
        if e.ndim == 2 and e.shape[0] >= 2 and _close(e[0], g[0]) and not _close(e[1:], g[1:]) \
                and np.allclose(g[1:], 0, atol=1e-12):  # fmt: skip
            found.add(("behaviour.only_first_example", None))
        if e.ndim == 2 and e.shape[0] == e.shape[1] and _is(e.T, g):
            found.add(("behaviour.transposed", None))  # square: the shape cannot tell
        found |= _factor_relations(e, g, args)
        for d in range(5):
            if np.array_equal(g, np.round(e, d)):
                found.add(("behaviour.rounded", None))
                break
        if np.array_equal(g, np.trunc(e)) and np.any(e != np.trunc(e)):
            found.add(("behaviour.truncated", None))
        if np.any(e < -1e-9) and _is(np.maximum(e, 0), g):
            found.add(("behaviour.negatives_zeroed", None))
        if np.any(e < -1e-9) and _is(np.abs(e), g):
            found.add(("behaviour.absolute_value", None))
        positive = e > 1e-9
        if np.all(e >= 0) and np.any(g < -1e-9) and np.all(g[~positive] <= 1e-12) \
                and _close(e[positive], g[positive]):  # fmt: skip
            found.add(("behaviour.negatives_kept", None))
        found |= _normalised(e, g)
        found |= _label_entries(e, g, args)
        off = float(np.max(np.abs(g - e) / (1.0 + np.abs(e)))) if e.size else 0.0
        if 0 < off < 1e-2 and not any(k == "behaviour.rounded" for k, _ in found):
            found.add(("behaviour.slightly_off", None))
    return found


def _shape_relations(e: np.ndarray, g: np.ndarray, args: tuple[Any, ...]) -> set[tuple[str, Any]]:
    found: set[tuple[str, Any]] = set()
    if g.size == e.size and np.all(np.isfinite(g)):
        if e.ndim == 2 and g.shape == e.T.shape and np.allclose(g, e.T, rtol=RTOL, atol=ATOL):
            found.add(("behaviour.transposed", None))
        if np.allclose(g.reshape(e.shape), e, rtol=RTOL, atol=ATOL):
            found.add(("behaviour.reshaped", (g.shape, e.shape, True)))
    if e.ndim == 2 and g.shape == e.shape[1:] and _is(e[0], g):  # one row: also reshaped
        found.add(("behaviour.only_first_example", None))
    reduced = e.ndim == 0 and g.ndim == 1 and g.size >= 1 and np.all(np.isfinite(g))
    if reduced and np.isclose(float(g.mean()), float(e), rtol=RTOL, atol=ATOL):
        found.add(("behaviour.per_example_not_reduced", None))
    if reduced and g.size >= 2 and np.isclose(float(g.sum()), float(e), rtol=RTOL, atol=ATOL):
        found.add(("behaviour.not_summed", None))
    return found


def _label_entries(e: np.ndarray, g: np.ndarray, args: tuple[Any, ...]) -> set[tuple[str, Any]]:
    """Where an argument holds one class index per row: whether only those entries differ."""
    if e.ndim != 2:
        return set()
    for a in args:
        if isinstance(a, np.ndarray) and a.dtype.kind in "iu" and a.shape == (e.shape[0],):
            if a.size and (a.min() < 0 or a.max() >= e.shape[1]):
                continue
            mask = np.zeros(e.shape, dtype=bool)
            mask[np.arange(e.shape[0]), a] = True
            differs = ~np.isclose(g, e, rtol=RTOL, atol=ATOL)
            if np.any(differs & mask) and not np.any(differs & ~mask):
                return {("behaviour.label_entries_wrong", None)}
            if e.shape[1] > 1 and np.any(differs & ~mask) and not np.any(differs & mask):
                return {("behaviour.only_label_entries_right", None)}
    return set()


def _normalised(e: np.ndarray, g: np.ndarray) -> set[tuple[str, Any]]:
    """Where the expected rows are probabilities: what the student's values add up to."""
    if e.ndim == 0 or np.any(e < 0) or not np.allclose(e.sum(axis=-1), 1.0) or np.any(g < 0):
        return set()
    if np.allclose(g.sum(axis=-1), 1.0):
        return set()  # rows that sum to 1: another mistake
    found: set[tuple[str, Any]] = set()
    if e.ndim == 2 and e.shape[0] >= 2 and np.allclose(g.sum(axis=0), 1.0):
        found.add(("behaviour.columns_sum_to_one", None))
    if e.ndim == 2 and np.isclose(float(g.sum()), 1.0):
        found.add(("behaviour.whole_sums_to_one", None))
    if np.allclose(g.max(axis=-1), 1.0):
        found.add(("behaviour.max_is_one", None))
    return found


def _factor_relations(e: np.ndarray, g: np.ndarray, args: tuple[Any, ...]) -> set[tuple[str, Any]]:
    """g = c * e for one c: which c, and which size of the arguments it is."""
    nonzero = np.abs(e) > 1e-9
    if not np.any(nonzero) or not np.allclose(g[~nonzero], 0, atol=1e-9):
        return set()
    ratios = g[nonzero] / e[nonzero]
    c = float(np.median(ratios))
    if not np.allclose(ratios, c, rtol=1e-6, atol=0) or np.isclose(c, 1.0) or abs(c) < 1e-12:
        return set()
    found: set[tuple[str, Any]] = {("behaviour.constant_factor", round(c, 6))}
    if np.isclose(c, -1.0):
        found.add(("behaviour.sign_flipped", None))
    dims = _dims(args)
    if dims and dims["m"] != dims["n"] and np.isclose(c, dims["m"] / dims["n"]):
        found.add(("behaviour.divided_by_columns", None))  # by n where m was meant
    for name, size in dims.items():
        rows = name == "m"
        if size >= 2 and np.isclose(c, size):
            found.add(("behaviour.sum_not_mean" if rows else "behaviour.times_columns", None))
        if size >= 2 and np.isclose(c, 1.0 / size):
            divided = "behaviour.divided_by_rows" if rows else "behaviour.divided_by_columns"
            found.add((divided, None))
    return found


# Most specific first; a size-named factor beats a bare constant, a shape beats values.
ORDER = (
    "behaviour.reshaped", "behaviour.transposed", "behaviour.only_first_example",
    "behaviour.per_example_not_reduced", "behaviour.not_summed", "behaviour.sum_not_mean",
    "behaviour.divided_by_rows",
    "behaviour.divided_by_columns", "behaviour.times_columns", "behaviour.sign_flipped",
    "behaviour.columns_sum_to_one", "behaviour.whole_sums_to_one", "behaviour.max_is_one",
    "behaviour.negatives_zeroed", "behaviour.negatives_kept", "behaviour.absolute_value",
    "behaviour.label_entries_wrong", "behaviour.only_label_entries_right",
    "behaviour.unchanged", "behaviour.step_reversed", "behaviour.step_without_scalar",
    "behaviour.rounded",
    "behaviour.truncated", "behaviour.constant_factor", "behaviour.slightly_off",
)  # fmt: skip


def _best(common: set[tuple[str, Any]]) -> tuple[str, Any]:
    ids = {k for k, _ in common}
    if {"behaviour.sum_not_mean", "behaviour.times_columns"} <= ids or {
        "behaviour.divided_by_rows",
        "behaviour.divided_by_columns",
    } <= ids:
        # rows and columns agree on every failed call: both fit, say only the factor
        common = {r for r in common if r[0] not in (
            "behaviour.sum_not_mean", "behaviour.times_columns",
            "behaviour.divided_by_rows", "behaviour.divided_by_columns")}  # fmt: skip
    return min(common, key=lambda r: (ORDER.index(r[0]), str(r[1])))


def _say(path: str, relation: tuple[str, Any], several: bool) -> Said:
    key, detail = relation
    where = f"{path}: " if path and several else (f"{path}: " if path else "")
    text = {
        "behaviour.reshaped": (
            "the right numbers, in another shape"
            if key == "behaviour.reshaped" and detail and detail[2]
            else "another shape"
        )
        + (
            f" ({_shape(detail[0])}, expected {_shape(detail[1])})"
            if key == "behaviour.reshaped" and detail
            else ""
        ),
        "behaviour.transposed": "the right numbers, transposed (rows and columns swapped)",
        "behaviour.only_first_example": "only the first example (row) is right: is only the "
        "first example used?",
        "behaviour.per_example_not_reduced": "one value per example where a single number, "
        "their mean, is expected",
        "behaviour.not_summed": "the terms one by one where a single number, their sum, is "
        "expected",
        "behaviour.sum_not_mean": "exactly m times the expected value, m the number of rows "
        "(examples): a sum where the mean is expected?",
        "behaviour.divided_by_rows": "exactly 1/m of the expected value, m the number of rows "
        "(examples): divided by m once too often?",
        "behaviour.divided_by_columns": "exactly 1/n of the expected value, n the number of "
        "columns: is something divided by the number of classes?",
        "behaviour.times_columns": "exactly n times the expected value, n the number of columns",
        "behaviour.sign_flipped": "the expected values with the opposite sign",
        "behaviour.constant_factor": f"exactly {detail:g} times the expected value everywhere"
        if isinstance(detail, float)
        else "the expected value times a constant",
        "behaviour.label_entries_wrong": "wrong only in each row's label column (the class "
        "the labels give), right elsewhere: check how the label's entry is computed (the "
        "one-hot part)",
        "behaviour.only_label_entries_right": "right only in each row's label column; the "
        "other classes' entries are wrong",
        "behaviour.unchanged": "returned as it was given: no step is taken",
        "behaviour.step_reversed": "moved the opposite way from the expected step: is the "
        "step added instead of subtracted?",
        "behaviour.step_without_scalar": f"moved 1/{detail} times as far as expected: is "
        f"{detail} used?",
        "behaviour.rounded": "the expected values rounded: round only when you print",
        "behaviour.truncated": "the expected values with the fractions cut off: is the result "
        "stored in an integer array?",
        "behaviour.negatives_zeroed": "right where the expected value is positive, 0 where it "
        "is negative: a max(0, x) where none belongs?",
        "behaviour.absolute_value": "the expected values without their signs (absolute values)",
        "behaviour.negatives_kept": "right where the expected value is positive, negative "
        "where 0 is expected: is a max(0, x) missing?",
        "behaviour.columns_sum_to_one": "each column sums to 1 instead of each row: is the "
        "normalisation along the wrong axis (axis=0)?",
        "behaviour.whole_sums_to_one": "the whole array sums to 1 instead of each row: is the "
        "normalisation over the whole array instead of each row?",
        "behaviour.max_is_one": "each row's largest value is 1, and the rows do not sum to 1: "
        "divided by the maximum instead of the sum?",
        "behaviour.slightly_off": "close to the expected values but not equal (off by less "
        "than 1%): does a small constant (an epsilon) or a rounding change the result?",
    }[key]
    text = where + text
    return Said(
        key, text[0].upper() + text[1:] + ("" if text.endswith("?") else "."), ORDER.index(key)
    )


def _shape(shape: tuple[int, ...]) -> str:
    return "a single number" if shape == () else f"shape {shape}"


# Properties of the arguments that split passed from failed calls


def _first_array(args: tuple[Any, ...]) -> np.ndarray | None:
    for a in args:
        if isinstance(a, np.ndarray) and a.dtype.kind == "f":
            return a
    return None


def _layers(args: tuple[Any, ...]) -> int | None:
    for a in args:
        if isinstance(a, (list, tuple)) and a and all(isinstance(x, np.ndarray) for x in a):
            return len(a)
    return None


def _widths(args: tuple[Any, ...]) -> tuple[int, ...] | None:
    """A network's sizes: its inputs, then each layer's width (weights of shape (in, out))."""
    for a in args:
        if isinstance(a, (list, tuple)) and a and all(isinstance(x, np.ndarray) for x in a):
            if all(x.ndim == 2 for x in a):
                return (a[0].shape[0], *(x.shape[1] for x in a))
            return None
    return None


def _emptiness(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "zero" if value == 0 else "set"
    try:
        if isinstance(value, (list, tuple)):
            arrays = [np.asarray(v, dtype=float) for v in value]
            return "zero" if all(not np.any(a) for a in arrays) else "set"
        array = np.asarray(value, dtype=float)
        return "zero" if not np.any(array) else "set"
    except (TypeError, ValueError):
        return "set"


def properties(args: tuple[Any, ...], count: int = 0) -> dict[str, Any]:
    """The properties of one call's arguments that a function may depend on by mistake.

    ``count`` is the most arguments any call of the function gets: one left out is None.
    """
    found: dict[str, Any] = {}
    first = _first_array(args)
    if first is not None and first.ndim in (1, 2):
        found["dimension"] = first.ndim
        if first.ndim == 2:
            found["rows"] = first.shape[0]
        found["columns"] = first.shape[-1]
        with np.errstate(all="ignore"):
            found["large"] = bool(first.size) and float(np.max(np.abs(first))) >= LARGE
        found["zeros"] = bool(np.any(first == 0))
    elif args and isinstance(args[0], (int, float)) and not isinstance(args[0], bool):
        found["negatives"] = args[0] < 0
    layers = _layers(args)
    if layers is not None:
        found["layers"] = layers
        found["widths"] = _widths(args)
    padded = (*args, *[None] * (count - len(args)))
    for k, a in enumerate(padded[1:], start=1):
        if a is None or isinstance(a, (np.ndarray, list, tuple, int, float)):
            found[f"argument {k}"] = _emptiness(a)
    return found


# What a probe family holds fixed while it varies one property (sizes that follow from
# the varied one, like the rows of a 1-D input, may change with it).
HELD = {
    "dimension": ("layers",),
    "rows": ("dimension", "layers"),
    "columns": ("dimension", "rows", "layers"),
    "layers": ("dimension",),  # the rows of a probe rarely matter to its number of layers
    "widths": ("dimension",),
}
DEFAULT_HELD = ("dimension", "rows", "layers")


def _pair(features: Sequence[dict[str, Any]], observations: Sequence[Observation],
          name: str) -> bool:  # fmt: skip
    """A passed and a failed call that differ in ``name`` and agree on what it holds fixed."""
    same = HELD.get(name, DEFAULT_HELD)
    good = [f for f, o in zip(features, observations, strict=True) if o.passed]
    bad = [f for f, o in zip(features, observations, strict=True) if not o.passed]
    return any(all(g.get(k) == b.get(k) for k in same) for g in good for b in bad)


def _splits(observations: Sequence[Observation], parameters: Sequence[str]) -> list[Said]:
    """Properties whose values on the passed calls and on the failed ones do not overlap."""
    count = max(len(o.args) for o in observations)
    features = [properties(o.args, count) for o in observations]
    names = sorted({n for f in features for n in f})
    said = []
    for name in names:
        if any(name not in f for f in features):
            continue
        good = {f[name] for f, o in zip(features, observations, strict=True) if o.passed}
        bad = {f[name] for f, o in zip(features, observations, strict=True) if not o.passed}
        n_good = sum(o.passed for o in observations)
        n_bad = len(observations) - n_good
        if not good or not bad or good & bad or n_good < 2:
            continue
        if n_bad < 2 and name not in ("large", "zeros"):
            continue  # one failure splits the calls in many ways: a value, not a property
        if name.startswith("argument") and good - {"none", "zero"}:
            continue  # only "right when left out or zero" says something
        if all(o.example for o in observations if o.passed):
            continue  # right only on the worked examples: their values are special too
        if not _pair(features, observations, name):
            continue  # other properties change with it: which one matters is not seen
        text = _split_text(name, good, bad, observations, parameters)
        if text is not None:
            said.append(text)
    if len(said) > 2:
        return []  # too many properties separate: the cases do not tell which one matters
    return said


def _split_text(name: str, good: set[Any], bad: set[Any], observations: Sequence[Observation],
                parameters: Sequence[str]) -> Said | None:  # fmt: skip
    def listed(values: set[Any]) -> str:
        items = [str(v) for v in sorted(values)]
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

    if name == "dimension":
        if good == {1}:
            return Said("behaviour.only_1d", "Right for one example given as a 1-D array, wrong "
                        "for a 2-D array of rows (examples).", 20)  # fmt: skip
        return Said("behaviour.only_2d", "Right for a 2-D array of rows (examples), wrong for one "
                    "example given as a 1-D array.", 20)  # fmt: skip
    if name == "rows":
        if good != {1} and bad != {1}:
            return None  # "right for 2 and 4 rows, wrong for 3" is a coincidence of values
        return Said("behaviour.row_count", f"Right for {listed(good)} row(s) (examples), wrong "
                    f"for {listed(bad)}.", 22)  # fmt: skip
    if name == "columns":
        if len(good) != 1:
            return None
        return Said("behaviour.fixed_input_count", f"Right only when there are {listed(good)} "
                    f"inputs (columns), wrong for {listed(bad)}: is a size written into the "
                    "code?", 21)  # fmt: skip
    if name == "layers":
        if len(good) > 1 and max(good) > min(bad) and min(good) < max(bad):
            return None  # neither one count nor a threshold: a coincidence of values
        return Said("behaviour.fixed_layer_count", f"Right for {listed(good)} layer(s), wrong "
                    f"for {listed(bad)}: does the code assume a number of layers?", 19)  # fmt: skip
    if name == "widths" and len(good) == 1 and None not in good:
        sizes = ", ".join(str(n) for n in next(iter(good)))
        return Said("behaviour.fixed_sizes", f"Right only for a network of sizes {sizes} "
                    "(inputs, then each layer's width), wrong for other sizes: are sizes written "
                    "into the code?", 19)  # fmt: skip
    if name == "large" and bad == {True}:
        blew_up = all(o.raised or _non_finite(o.values)
                      for o in observations if not o.passed)  # fmt: skip
        return Said("behaviour.large_values", "Wrong only for large values (above "
                    f"{LARGE:g})" + (": an overflow (exp of a large number?)" if blew_up
                                     else "") + ".", 10)  # fmt: skip
    if name == "negatives" and bad == {True}:
        return Said("behaviour.negative_values", "Right when no value is negative, wrong where "
                    "one is: check what your code does with negative values.", 12)  # fmt: skip
    if name == "zeros" and bad == {True}:
        return Said("behaviour.zero_values", "Wrong only where a value is exactly 0: check what "
                    "your code does at 0 (> or >=, a division by the value?).", 11)  # fmt: skip
    if name.startswith("argument "):
        if any(o.raised or o.values is None for o in observations if not o.passed):
            return None  # it breaks where the argument is set: used wrongly, not left out
        k = int(name.split()[1])
        what = parameters[k] if k < len(parameters) else f"argument {k + 1}"
        return Said("behaviour.ignores_argument", f"Right when {what} is zero or not given, "
                    f"wrong otherwise: check how {what} is used.", 18)  # fmt: skip
    return None


def _non_finite(values: Any) -> bool:
    if isinstance(values, np.ndarray):
        with np.errstate(all="ignore"):
            return not bool(np.all(np.isfinite(values)))
    if isinstance(values, (list, tuple)):
        return any(_non_finite(v) for v in values)
    if isinstance(values, dict):
        return any(_non_finite(v) for v in values.values())
    return False


def parameter_names(function: Callable[..., Any] | None) -> tuple[str, ...]:
    """The reference's parameter names, to name an argument; () when there is none."""
    if function is None:
        return ()
    try:
        return tuple(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return ()
