"""Relations between the student's values and the expected ones on every failed call."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from .items import general, given, leaves, same_items, unstacked
from .splits import properties
from .values import (
    ATOL,
    RTOL,
    Observation,
    Said,
    argument_name,
    close_to,
    equal,
    first_array,
    matches,
    shape_words,
)
from .wording import ORDER, best, say


def first_row_alone(observations: Sequence[Observation]) -> list[Said]:
    """A batch's result that is the expected result of its first row alone.

    Needs a call whose arguments are another call's cut to its first row (a probe pair):
    the batch's rows in its first array argument, and any argument of one entry per row.
    """
    seen, whole = 0, True
    for batch in observations:
        if batch.passed or batch.values is None:
            continue
        for alone in observations:
            if alone is not batch and _is_first_row(alone.args, batch.args):
                if close_to(alone.expected, batch.expected) or not _first_row_parts(
                    alone.expected, batch.expected, batch.values
                ):
                    return []
                whole = whole and same_items(alone.expected, batch.values)
                seen += 1
    if not seen:
        return []
    where = "The result of a batch is" if whole else "Where a batch's result is wrong, it is"
    text = (f"{where} the expected result of its first row (example) alone: "
            "is only the first example used?")  # fmt: skip
    return [Said("behaviour.only_first_example", text, 2)]


def returned_argument(observations: Sequence[Observation],
                      parameters: Sequence[str] = ()) -> list[Said]:  # fmt: skip
    """Every failed call returned one of its arguments as it was given (the same argument
    each time), where the expected value differs from it: nothing was computed."""
    failed = [o for o in observations if not o.passed]
    if len(failed) < 2 or any(not isinstance(o.values, np.ndarray) for o in failed):
        return []
    common: set[int] | None = None
    for o in failed:
        here = {k for k, a in enumerate(o.args)
                if isinstance(a, np.ndarray) and a.dtype.kind in "fiu" and a.size
                and matches(a.astype(float), o.values)
                and not close_to(np.asarray(o.expected), a.astype(float))}  # fmt: skip
        common = here if common is None else common & here
        if not common:
            return []
    assert common is not None
    k = min(common)
    name = f"`{parameters[k]}`" if k < len(parameters) else argument_name(parameters, k)
    text = (
        f"Where it fails, the result is the argument {name}, returned as it was given: "
        "is the computation skipped (a loop that never runs, an early return)?"
    )
    return [Said("behaviour.returned_argument", text, 1)]


def _first_row_parts(alone: Any, expected: Any, values: Any) -> bool:
    """The batch's result is the first row's alone: as a whole, or part by part where the
    other parts are right (a layer's weight gradient from the first example only, next to
    a right input gradient)."""
    if same_items(alone, values):
        return True
    mine = list(leaves(alone, values, "", ()))
    right = list(leaves(expected, values, "", ()))
    if len(mine) < 2 or len(mine) != len(right):
        return False
    used = False
    for (_, a, g), (_, e, _) in zip(mine, right, strict=True):
        if _same_leaf(e, g):
            continue
        if not _same_leaf(a, g):
            return False
        used = True
    return used


def _same_leaf(e: Any, g: Any) -> bool:
    return matches(e, g) if isinstance(e, np.ndarray) else close_to(e, g)


def _is_first_row(alone: tuple[Any, ...], batch: tuple[Any, ...]) -> bool:
    first = first_array(batch)
    if first is None or first.ndim != 2 or first.shape[0] < 2 or len(alone) != len(batch):
        return False
    m = first.shape[0]
    for a, b in zip(alone, batch, strict=True):
        if isinstance(b, np.ndarray) and b.ndim >= 1 and b.shape[0] == m:
            b = b[:1]
        if not equal(a, b):
            return False
    return True


def relations(
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
        expected = unstacked(o.expected, o.args, parts)
        values = unstacked(o.values, o.args, parts)
        wrong = [(p, e, g) for p, e, g in leaves(expected, values, "", parts)
                 if not close_to(e, g)]  # fmt: skip
        if not wrong:
            return []  # failed for another reason (a mutation, a type): nothing to relate
        before = given(expected, o.args, parts)
        for path, e, g in wrong:
            seen = _relations_of(e, g, o.args, parameters)
            reshaped = _as_shaped(e, g)
            if reshaped is not None and {k for k, _ in seen} <= {"behaviour.reshaped"}:
                # Another shape, and perhaps values that relate once reshaped: both are said.
                where = general(path)
                right = close_to(e, reshaped)
                shape = shapes.setdefault(where, (g.shape, e.shape, True))
                shapes[where] = (*shape[:2], shape[2] and right)
                if right:
                    continue
                seen = _relations_of(e, reshaped, o.args, parameters)
                g = reshaped
            if path in before:
                seen |= _step_relations(e, g, before[path], o.args, parameters)
            by_path.setdefault(general(path), []).append(seen)
    said = []
    for path, found in by_path.items():
        common = {r for r in set.intersection(*found)
                  if _fixed_scalar_seen(r, failed) and _rows_scaled_seen(r, failed)}  # fmt: skip
        if common:
            said.append(say(path, best(common), len(by_path) > 1))
    if len(said) != len(by_path):
        return []  # a part is wrong in a way no relation covers: do not tell half the story
    several = len(set(by_path) | set(shapes)) > 1
    shaped = {path for path, found in by_path.items()
              if best(set.intersection(*found))[0] in SAYS_SHAPE}  # fmt: skip
    for path, shape in shapes.items():  # the shape is said too, after what the values show
        if path in shaped:
            continue  # what the values show says the shape already
        if path in by_path or len(by_path):
            prefix = f"{path}: " if path and several else ""
            text = (f"{prefix}Also a different shape ({shape_words(shape[0])}, expected "
                    f"{shape_words(shape[1])}).")  # fmt: skip
            said.append(Said("behaviour.reshaped", text, len(ORDER)))
        else:
            said.append(say(path, ("behaviour.reshaped", shape), several))
    return said


# Relations whose words already say the result has another shape.
SAYS_SHAPE = ("behaviour.not_summed", "behaviour.per_example_not_reduced")


def _as_shaped(e: Any, g: Any) -> np.ndarray | None:
    """The student's numbers in the expected shape, when only the shape differs."""
    if (isinstance(e, np.ndarray) and isinstance(g, np.ndarray) and g.shape != e.shape
            and g.size == e.size):  # fmt: skip
        return g.reshape(e.shape)
    return None


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
            # a step along an argument of zeros is no step either: both are true here
            return {("behaviour.unchanged", None)} | _step_along(e, made, want, args, parameters)
        along = _step_along(e, made, want, args, parameters)
        if along:
            return along
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
            name = argument_name(parameters, k)
            found.add(("behaviour.step_without_scalar", name))
        elif isinstance(a, float) and a > 0 and c > 0 and not np.isclose(c, 1.0):
            # as if the scalar were fixed: said only where it holds across calls whose
            # scalar differs (_fixed_scalar_seen), so one value of it is in the code
            name = argument_name(parameters, k)
            found.add(("behaviour.step_fixed_scalar", (name, k, float(f"{c * a:.6g}"))))
    return found


def _step_along(e: np.ndarray, made: np.ndarray, want: np.ndarray, args: tuple[Any, ...],
                parameters: Sequence[str]) -> set[tuple[str, Any]]:  # fmt: skip
    """The change is a number argument times another argument's item (broadcast), where
    the expected change is not: the step taken along the wrong argument (zip's order)."""
    scalars = [a for a in args if isinstance(a, float) and a not in (0.0, 1.0)]
    found: set[tuple[str, Any]] = set()
    for k, items in _numeric_items(args):
        for item in items:
            try:
                spread = np.broadcast_to(item, e.shape)
            except ValueError:
                continue
            for lr in scalars:
                if np.allclose(made, -lr * spread, rtol=1e-6, atol=1e-12) and not np.allclose(
                    want, -lr * spread, rtol=1e-6, atol=1e-12
                ):
                    found.add(("behaviour.step_along", argument_name(parameters, k)))
    return found


def _numeric_items(args: tuple[Any, ...]) -> Iterator[tuple[int, list[np.ndarray]]]:
    """Each argument's arrays of numbers as floats: the argument itself, or the items of a
    list (a network's layers), with the argument's index."""
    for k, a in enumerate(args):
        items = list(a) if isinstance(a, (list, tuple)) else [a]
        yield k, [i.astype(float) for i in items
                  if isinstance(i, np.ndarray) and i.dtype.kind in "fiu" and i.size]  # fmt: skip


def _fixed_scalar_seen(relation: tuple[str, Any], failed: Sequence[Observation]) -> bool:
    """A step as if a scalar argument were fixed: only where that argument varied."""
    if relation[0] != "behaviour.step_fixed_scalar":
        return True
    k = relation[1][1]
    return len({o.args[k] for o in failed if k < len(o.args)}) >= 2


def _dims(args: tuple[Any, ...]) -> dict[str, int]:
    """The sizes a factor may be: rows (m) and columns (n) of the first array argument."""
    first = first_array(args)
    if first is None or first.ndim != 2:
        return {}
    return {"m": first.shape[0], "n": first.shape[1]}


def _relations_of(
    e: Any, g: Any, args: tuple[Any, ...], parameters: Sequence[str] = ()
) -> set[tuple[str, Any]]:
    """Every relation that holds between one expected item and the student's."""
    if not isinstance(e, np.ndarray) or not isinstance(g, np.ndarray):
        return set()
    found: set[tuple[str, Any]] = set()
    with np.errstate(all="ignore"):
        if g.shape != e.shape:
            return _shape_relations(e, g, args)
        if not np.all(np.isfinite(g)):
            return set()
        if e.ndim == 2 and e.shape[0] >= 2 and matches(e[:1].repeat(e.shape[0], 0), g) \
                and not matches(e, g):  # fmt: skip
            found.add(("behaviour.only_first_example", None))
        if e.ndim == 2 and e.shape[0] >= 2 and close_to(e[0], g[0]) and not close_to(e[1:], g[1:]) \
                and np.allclose(g[1:], 0, atol=1e-12):  # fmt: skip
            found.add(("behaviour.only_first_example", None))
        if e.ndim == 2 and e.shape[0] == e.shape[1] and matches(e.T, g):
            found.add(("behaviour.transposed", None))  # square: the shape cannot tell
        found |= _factor_relations(e, g, args)
        found |= _row_factors(e, g)
        for d in range(5):
            if np.array_equal(g, np.round(e, d)):
                found.add(("behaviour.rounded", None))
                break
        if np.array_equal(g, np.trunc(e)) and np.any(e != np.trunc(e)):
            found.add(("behaviour.truncated", None))
        if np.any(e < -1e-9) and matches(np.maximum(e, 0), g):
            found.add(("behaviour.negatives_zeroed", None))
        if np.any(e < -1e-9) and matches(np.abs(e), g):
            found.add(("behaviour.absolute_value", None))
        positive = e > 1e-9
        if np.all(e >= 0) and np.any(g < -1e-9) and np.all(g[~positive] <= 1e-12) \
                and close_to(e[positive], g[positive]):  # fmt: skip
            found.add(("behaviour.negatives_kept", None))
        found |= _normalised(e, g)
        found |= _label_entries(e, g, args)
        found |= _plus_argument(e, g, args, parameters)
        off = float(np.max(np.abs(g - e) / (1.0 + np.abs(e)))) if e.size else 0.0
        if 0 < off < 1e-2:  # rounded or not: a rounding done along the way is only close
            found.add(("behaviour.slightly_off", None))
    return found


def _plus_argument(
    e: np.ndarray, g: np.ndarray, args: tuple[Any, ...], parameters: Sequence[str]
) -> set[tuple[str, Any]]:
    """The student's value is the expected one plus a constant times an argument of the
    same shape (an item of a list of layers counts): a term added that does not belong.
    Said only where the argument and the constant are the same on every failed call."""
    diff = g - e
    if not np.any(np.abs(diff) > 1e-9):
        return set()
    found: set[tuple[str, Any]] = set()
    for k, items in _numeric_items(args):
        if len(items) == 1 and items[0].ndim == e.ndim + 1:
            items = list(items[0])  # a stack of layers given as one array
        if items and len({i.shape for i in items}) == 1:
            items.append(np.stack(items))  # equal-shaped layers cross the boundary stacked
        for item in items:
            if item.shape != e.shape:
                continue
            nonzero = np.abs(item) > 1e-9
            if nonzero.sum() < 2:
                continue  # one number relates to any other by some factor
            c = float(np.median(diff[nonzero] / item[nonzero]))
            if c != 0 and np.allclose(diff, c * item, rtol=1e-6, atol=1e-9):
                relation = (argument_name(parameters, k), float(f"{c:.6g}"))
                found.add(("behaviour.plus_argument", relation))
    return found


def _shape_relations(e: np.ndarray, g: np.ndarray, args: tuple[Any, ...]) -> set[tuple[str, Any]]:
    found: set[tuple[str, Any]] = set()
    if g.size == e.size and np.all(np.isfinite(g)):
        if e.ndim == 2 and g.shape == e.T.shape and np.allclose(g, e.T, rtol=RTOL, atol=ATOL):
            found.add(("behaviour.transposed", None))
        if np.allclose(g.reshape(e.shape), e, rtol=RTOL, atol=ATOL):
            found.add(("behaviour.reshaped", (g.shape, e.shape, True)))
    pair = g.ndim == e.ndim + 1 and g.shape[1:] == e.shape and g.shape[0] in (2, 3)
    if pair and np.all(np.isfinite(g[0])) and np.allclose(g[0], e, rtol=RTOL, atol=ATOL):
        # (value, cache) returned together: the expected value is the first of them
        found.add(("behaviour.reshaped", ((g.shape[0],), None, "first")))
    if e.ndim == 2 and g.shape == e.shape[1:] and matches(e[0], g):  # one row: also reshaped
        found.add(("behaviour.only_first_example", None))
    if (e.ndim >= 1 and g.ndim == e.ndim + 1 and g.shape[1:] == e.shape and g.shape[0] >= 2
            and np.all(np.isfinite(g))):  # fmt: skip
        # one row per example where the rows' sum (or mean) is expected: a missing .sum(axis=0)
        if np.allclose(g.sum(axis=0), e, rtol=RTOL, atol=ATOL):
            found.add(("behaviour.not_summed", "rows"))
        elif np.allclose(g.mean(axis=0), e, rtol=RTOL, atol=ATOL):
            found.add(("behaviour.per_example_not_reduced", "rows"))
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
            if e.shape[1] > 1 and np.all(differs | mask) and not np.any(differs & mask):
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


def _row_factors(e: np.ndarray, g: np.ndarray) -> set[tuple[str, Any]]:
    """Each row of g is its expected row times a number of its own (some not 1)."""
    if e.ndim not in (1, 2) or e.size == 0 or e.shape != g.shape:
        return set()
    scaled = False
    for want, got in zip(e.reshape(-1, e.shape[-1]), g.reshape(-1, e.shape[-1]), strict=True):
        nonzero = np.abs(want) > 1e-9
        if not np.any(nonzero) or not np.allclose(got[~nonzero], 0, atol=1e-9):
            return set()
        ratios = got[nonzero] / want[nonzero]
        c = float(np.median(ratios))
        if not np.allclose(ratios, c, rtol=1e-6, atol=0) or abs(c) < 1e-12:
            return set()
        scaled = scaled or not np.isclose(c, 1.0)
    return {("behaviour.rows_scaled", None)} if scaled else set()


def _rows_scaled_seen(relation: tuple[str, Any], failed: Sequence[Observation]) -> bool:
    """Rows scaled each by its own factor: only where a scaled row holds different values
    (a row of equal values is a multiple of any constant row, whatever was computed)."""
    if relation[0] != "behaviour.rows_scaled":
        return True
    for o in failed:
        e, g = o.expected, o.values
        if not isinstance(e, np.ndarray) or not isinstance(g, np.ndarray) or e.shape != g.shape:
            continue
        if e.ndim not in (1, 2) or e.size == 0:
            continue
        for want, got in zip(e.reshape(-1, e.shape[-1]), g.reshape(-1, e.shape[-1]),
                             strict=True):  # fmt: skip
            if not np.allclose(got, want) and not np.allclose(want, want[0], rtol=1e-6,
                                                              atol=1e-9):  # fmt: skip
                return True
    return False


def one_shape_always(observations: Sequence[Observation]) -> list[Said]:
    """Every failed call returned one array shape, whatever shape was expected.

    Needs two failed calls whose expected shapes differ from each other and from the
    shape returned, and a passed call that expected that very shape: the size is fixed
    in the code, not taken from the arguments.
    """
    failed = [o for o in observations if not o.passed]
    arrays = all(isinstance(o.values, np.ndarray) and isinstance(o.expected, np.ndarray)
                 for o in failed)  # fmt: skip
    if len(failed) < 2 or not arrays:
        return []
    shapes = {o.values.shape for o in failed}
    expected = {o.expected.shape for o in failed}
    if len(shapes) > 1:
        return one_length_always(observations)
    if len(expected) < 2 or shapes & expected:
        return []
    shape = next(iter(shapes))
    if not any(o.passed and isinstance(o.expected, np.ndarray) and o.expected.shape == shape
               for o in observations):  # fmt: skip
        return []
    text = (
        f"Always a result of {shape_words(shape)}, whatever the sizes of the arguments "
        "(right only where that shape is expected): is a size written into the code?"
    )
    return [Said("behaviour.fixed_sizes", text, 19)]


def one_length_always(observations: Sequence[Observation]) -> list[Said]:
    """Every failed call returned one length along the result's first (or last) axis,
    whatever was expected there (two nodes written into a layer: (2,), (m, 2)).

    Needs two failed calls that expected another length there, of two different lengths,
    and a passed call that expected that very length.
    """
    failed = [o for o in observations if not o.passed]
    if any(not (isinstance(o.values, np.ndarray) and o.values.ndim >= 1
                and isinstance(o.expected, np.ndarray) and o.expected.ndim >= 1)
           for o in failed):  # fmt: skip
        return []
    for axis, words in ((0, "first"), (-1, "last")):
        lengths = {o.values.shape[axis] for o in failed}
        if len(lengths) != 1:
            continue
        n = next(iter(lengths))
        other = sorted({o.expected.shape[axis] for o in failed if o.expected.shape[axis] != n})
        if len(other) < 2:
            continue
        if not any(o.passed and isinstance(o.expected, np.ndarray) and o.expected.ndim >= 1
                   and o.expected.shape[axis] == n for o in observations):  # fmt: skip
            continue
        text = (
            f"Always {n} entries along the {words} axis of the result, whatever the sizes of "
            f"the arguments (where {_listed(other)} were expected too): is a size written "
            "into the code?"
        )
        return [Said("behaviour.fixed_sizes", text, 19)]
    return []


def _listed(numbers: Sequence[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def one_item_short(observations: Sequence[Observation], parts: tuple[str, ...]) -> list[Said]:
    """Every failed call returned its lists one item short (L - 1 gradients for L layers).

    Read on results of several parts, each a list (or a stack) of items: every part of
    every failed call has one item fewer than expected, on at least two failed calls.
    """
    failed = [o for o in observations if not o.passed]
    if len(failed) < 2:
        return []
    for o in failed:
        got, want = o.values, o.expected
        if isinstance(got, np.ndarray) and isinstance(want, (tuple, list)) and got.ndim >= 1 \
                and got.shape[0] == len(want):  # fmt: skip
            got = list(got)  # parts that are all empty came back as one array, (2, 0)
        if not (isinstance(got, (tuple, list)) and isinstance(want, (tuple, list))
                and len(got) == len(want) >= 2):  # fmt: skip
            return []
        for g, e in zip(got, want, strict=True):
            count_g, count_e = _count(g), _count(e)
            if count_g is None or count_e is None or count_g != count_e - 1:
                return []
    names = " and ".join(parts) if parts else "Each part of the result"
    text = (f"{names} come back with one item fewer than expected (L - 1 for L layers): is "
            "a layer left out of the loop, the first or the last?")  # fmt: skip
    return [Said("behaviour.one_item_short", text, 3)]


def _count(value: Any) -> int | None:
    """How many items a list holds (a stack of equal arrays: its first axis)."""
    if isinstance(value, (list, tuple)):
        return len(value)
    if isinstance(value, np.ndarray) and value.ndim >= 1:
        return int(value.shape[0])
    return None
