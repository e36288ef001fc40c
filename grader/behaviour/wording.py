"""How a relation is said: the order of specificity and the words."""

from __future__ import annotations

from typing import Any

from .values import Said, shape_words

# Most specific first; a size-named factor beats a bare constant, a shape beats values.
ORDER = (
    "behaviour.reshaped", "behaviour.transposed", "behaviour.only_first_example",
    "behaviour.per_example_not_reduced", "behaviour.not_summed", "behaviour.sum_not_mean",
    "behaviour.divided_by_rows",
    "behaviour.divided_by_columns", "behaviour.times_columns", "behaviour.sign_flipped",
    "behaviour.columns_sum_to_one", "behaviour.whole_sums_to_one", "behaviour.max_is_one",
    "behaviour.negatives_zeroed", "behaviour.negatives_kept", "behaviour.absolute_value",
    "behaviour.label_entries_wrong", "behaviour.only_label_entries_right",
    "behaviour.unchanged", "behaviour.step_along", "behaviour.step_reversed",
    "behaviour.step_without_scalar",
    "behaviour.step_fixed_scalar",
    "behaviour.rounded",
    "behaviour.truncated", "behaviour.constant_factor", "behaviour.plus_argument",
    "behaviour.slightly_off",
    "behaviour.rows_scaled",
)  # fmt: skip


def best(common: set[tuple[str, Any]]) -> tuple[str, Any]:
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


def say(path: str, relation: tuple[str, Any], several: bool) -> Said:
    key, detail = relation
    where = f"{path}: " if path and several else (f"{path}: " if path else "")
    text = {
        "behaviour.reshaped": (
            f"the expected value, as the first of {detail[0][0]} items returned together"
            if key == "behaviour.reshaped" and detail and detail[2] == "first"
            else "the right numbers, in another shape"
            if key == "behaviour.reshaped" and detail and detail[2]
            else "another shape"
        )
        + (
            f" ({shape_words(detail[0])}, expected {shape_words(detail[1])})"
            if key == "behaviour.reshaped" and detail and detail[1] is not None
            else ""
        ),
        "behaviour.transposed": "the right numbers, transposed (rows and columns swapped)",
        "behaviour.only_first_example": "only the first example (row) is right: is only the "
        "first example used?",
        "behaviour.per_example_not_reduced": "one value per example where a single number, "
        "their mean, is expected"
        if detail != "rows"
        else "one row per example where their mean down the rows (axis=0) is expected",
        "behaviour.not_summed": "the terms one by one where a single number, their sum, is expected"
        if detail != "rows"
        else "one row per example where their sum down the rows (axis=0) is expected",
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
        "behaviour.step_along": f"moved by the step size times `{detail}` instead of "
        "by its own gradient: are the arguments taken in another order (zip, unpacking)?",
        "behaviour.step_reversed": "moved the opposite way from the expected step: is the "
        "step added instead of subtracted?",
        "behaviour.step_without_scalar": f"moved 1/{detail} times as far as expected: is "
        f"{detail} used?",
        "behaviour.step_fixed_scalar": f"moved as if {detail[0]} were {detail[2]:g} in every "
        f"test, whatever {detail[0]} is: is a fixed value written where {detail[0]} belongs?"
        if key == "behaviour.step_fixed_scalar"
        else "",
        "behaviour.plus_argument": f"the expected value plus {detail[1]:g} times `{detail[0]}`: "
        f"is a term in {detail[0]} added that does not belong (a penalty, a value added "
        "twice)?"
        if key == "behaviour.plus_argument"
        else "",
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
        "behaviour.rows_scaled": "each row is the expected row times a number of its own: "
        "right up to one factor per row (for probabilities, the rows do not sum to 1)",
        "behaviour.slightly_off": "close to the expected values but not equal (off by less "
        "than 1%): does a small constant (an epsilon) or a rounding change the result?",
    }[key]
    text = where + text[0].upper() + text[1:]  # a part's name keeps its spelling
    return Said(key, text + ("" if text.endswith("?") else "."), ORDER.index(key))
