"""Arguments as numpy reads them: a call written with Python lists, as a docstring does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from .values import Observation


def list_form(value: Any) -> bool:
    """A Python list of numbers (or of such lists): the form a docstring writes a call in."""
    return isinstance(value, list) and bool(value) and not isinstance(value[0], np.ndarray)


def _depth(value: Any) -> int:
    return 1 + _depth(value[0]) if isinstance(value, list) and value else 0


def _as_read(value: Any) -> Any:
    """A list argument read as numpy reads it: an array (whole numbers stay integers, as
    labels are), or a network's layers (a list of matrices) as a list of arrays."""
    if not list_form(value):
        return value
    try:
        if _depth(value) >= 3:
            return [np.asarray(v) for v in value]
        return np.asarray(value)
    except (TypeError, ValueError):
        return value


def read_as_arrays(observations: Sequence[Observation]) -> list[Observation]:
    """The calls with their list arguments read as arrays, so that a call written as a
    docstring writes it has the dimension, rows and labels its arrays would have."""
    return [replace(o, args=tuple(_as_read(a) for a in o.args)) for o in observations]
