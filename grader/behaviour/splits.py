"""Properties of the arguments that split the passed calls from the failed ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .values import LARGE, Observation, Said, argument_name, first_array, non_finite


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


def _equal_shapes(args: tuple[Any, ...]) -> bool:
    """Whether every array of every list argument has one shape (they stack into one)."""
    lists = [a for a in args if isinstance(a, (list, tuple)) and a
             and all(isinstance(x, np.ndarray) for x in a)]  # fmt: skip
    return all(len({x.shape for x in a}) == 1 for a in lists)


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
    first = first_array(args)
    if first is not None and first.ndim >= 3:
        found["dimension"] = 3  # three axes or more
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
        found["dimension"] = 0  # a single number
    shapes = tuple(a.shape for a in args if isinstance(a, np.ndarray))
    if len(shapes) >= 2:
        found["shapes"] = shapes  # the sizes of every array argument together
    layers = _layers(args)
    if layers is not None:
        found["layers"] = layers
        found["widths"] = _widths(args)
        found["equal shapes"] = _equal_shapes(args)
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
    "shapes": ("dimension",),
    "equal shapes": (),
}


DEFAULT_HELD = ("dimension", "rows", "layers")


def _pair(features: Sequence[dict[str, Any]], observations: Sequence[Observation],
          name: str) -> bool:  # fmt: skip
    """A passed and a failed call that differ in ``name`` and agree on what it holds fixed."""
    same = HELD.get(name, DEFAULT_HELD)
    good = [f for f, o in zip(features, observations, strict=True) if o.passed]
    bad = [f for f, o in zip(features, observations, strict=True) if not o.passed]
    return any(all(g.get(k) == b.get(k) for k in same) for g in good for b in bad)


def splits(observations: Sequence[Observation], parameters: Sequence[str]) -> list[Said]:
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
    if len(said) > 1:
        # sizes taken together say less than any one property that splits alike
        said = [s for s in said if s.rank != TOGETHER] or said
    return said


TOGETHER = 29  # the rank of a split by every size together: said only alone

DIMENSIONS = {0: "a single number", 1: "one example given as a 1-D array",
              2: "a 2-D array of rows (examples)", 3: "an array of three or more axes"}  # fmt: skip


def _split_text(name: str, good: set[Any], bad: set[Any], observations: Sequence[Observation],
                parameters: Sequence[str]) -> Said | None:  # fmt: skip
    def listed(values: set[Any]) -> str:
        items = [str(v) for v in sorted(values)]
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]

    if name == "dimension":
        wrong = " and for ".join(DIMENSIONS[d] for d in sorted(bad))
        if good == {1}:
            return Said("behaviour.only_1d", "Right for one example given as a 1-D array, wrong "
                        f"for {wrong}.", 20)  # fmt: skip
        if good == {2}:
            return Said("behaviour.only_2d", "Right for a 2-D array of rows (examples), wrong "
                        f"for {wrong}.", 20)  # fmt: skip
        return None
    if name == "shapes":
        if len(good) != 1:
            return None
        sizes = ", ".join(str(s) for s in next(iter(good)))
        return Said("behaviour.fixed_sizes", "Right only when the arrays have the shapes "
                    f"{sizes}, wrong for other sizes: are sizes written into the code?",
                    TOGETHER)  # fmt: skip
    if name == "rows":
        if good != {1} and bad != {1} and max(good) > min(bad):
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
        if good == {1}:
            # Right without a hidden layer: a loop over a fixed number of layers does that,
            # and so does any mistake in the hidden layers: both are said.
            return Said("behaviour.fixed_layer_count", f"Right for 1 layer, wrong for "
                        f"{listed(bad)}: check the loop over the layers, and what each hidden "
                        "layer computes and passes on.", 19)  # fmt: skip
        if len(good) > 1 and max(good) > min(bad) and min(good) < max(bad):
            return None  # neither one count nor a threshold: a coincidence of values
        return Said("behaviour.fixed_layer_count", f"Right for {listed(good)} layer(s), wrong "
                    f"for {listed(bad)}: does the code assume a number of layers?", 19)  # fmt: skip
    if name == "widths" and len(good) == 1 and None not in good:
        sizes = ", ".join(str(n) for n in next(iter(good)))
        return Said("behaviour.fixed_sizes", f"Right only for a network of sizes {sizes} "
                    "(inputs, then each layer's width), wrong for other sizes: are sizes written "
                    "into the code?", 19)  # fmt: skip
    if name == "equal shapes" and good == {True}:
        if not all(o.raised for o in observations if not o.passed):
            return None  # wrong values on mixed sizes: not what stacking them does (it raises)
        return Said("behaviour.fixed_sizes", "Right only when every layer's arrays have one "
                    "shape, wrong when their sizes differ: is a list of layers turned into one "
                    "array (np.array(weights))?", TOGETHER)  # fmt: skip
    if name == "large" and bad == {True}:
        blew_up = all(o.raised or non_finite(o.values)
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
        what = argument_name(parameters, k)
        return Said("behaviour.ignores_argument", f"Right when {what} is zero or not given, "
                    f"wrong otherwise: check how {what} is used.", 18)  # fmt: skip
    return None
