"""Results read item by item: a tuple's parts, a list of arrays (stacked or not)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from .values import close_to, matches

Leaf = tuple[str, Any, Any]


def leaves(expected: Any, got: Any, path: str, parts: tuple[str, ...]) -> Iterator[Leaf]:
    """Matching items of two results, item by item; a list of arrays is not stacked."""
    if isinstance(expected, np.ndarray) and isinstance(got, np.ndarray):
        yield path, expected, got
        return
    e_items = items_of(expected, got)
    g_items = items_of(got, expected)
    if e_items is None or g_items is None or len(e_items) != len(g_items):
        yield path, expected, got
        return
    for k, (e, g) in enumerate(zip(e_items, g_items, strict=True)):
        name = parts[k] if not path and k < len(parts) else f"{path}[{k}]"
        yield from leaves(e, g, name, ())


def items_of(value: Any, other: Any) -> list[Any] | None:
    """A sequence's items; an array's rows when the other side is a list of as many items
    (a list of equal-shaped arrays crosses the boundary stacked)."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if (isinstance(value, np.ndarray) and value.ndim >= 1 and isinstance(other, (list, tuple))
            and len(other) == value.shape[0]):  # fmt: skip
        return list(value)
    return None


def general(path: str) -> str:
    """grad_weights[1] and grad_weights[0] are one part: grad_weights."""
    return path.split("[", 1)[0]


def unstacked(value: Any, args: tuple[Any, ...], parts: tuple[str, ...]) -> Any:
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


def given(expected: Any, args: tuple[Any, ...], parts: tuple[str, ...]) -> dict[str, Any]:
    """For a result shaped like the first arguments (new parameters), each item's old value.

    Only when every item of the result has the shape of the argument in its place.
    """
    if isinstance(expected, np.ndarray):
        n = expected.shape[0] if expected.ndim else 0
    else:
        n = len(expected) if isinstance(expected, (tuple, list)) else 0
    if not n or len(args) < n:
        return {}
    pairs = list(leaves(expected, tuple(args[:n]), "", parts))
    if not all(isinstance(a, np.ndarray) and shape_of(e) == a.shape for _, e, a in pairs):
        return {}
    return {p: a for p, _, a in pairs}


def shape_of(value: Any) -> Any:
    return value.shape if isinstance(value, np.ndarray) else None


def same_items(expected: Any, got: Any) -> bool:
    """The same numbers, read item by item (a list of arrays may come back stacked)."""
    pairs = list(leaves(expected, got, "", ()))
    return bool(pairs) and all(matches(e, g) if isinstance(e, np.ndarray) else close_to(e, g)
                               for _, e, g in pairs)  # fmt: skip
