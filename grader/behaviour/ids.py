"""Every behaviour hint's id and what it says, for benchmarks, instructors and the report."""

from __future__ import annotations

# Every behaviour hint's id and what it says, for benchmarks and instructors.
IDS: dict[str, str] = {
    "behaviour.reshaped": "the right numbers in another shape (flattened, an extra or a "
    "missing axis)",
    "behaviour.matrix_result": "the result is an np.matrix (always 2-D) where an array is expected",
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
    "behaviour.rows_scaled": "each row is the expected row times a number of its own: "
    "proportional to the expected values row by row, but (for probabilities) the rows do not "
    "sum to 1",
    "behaviour.constant_factor": "the expected value times the same constant everywhere",
    "behaviour.plus_argument": "the expected value plus a constant times one of the "
    "arguments (a term in that argument added: a penalty, a value added twice)",
    "behaviour.rounded": "the expected value rounded to a few decimals",
    "behaviour.label_entries_wrong": "wrong only in each row's label column (the one-hot part)",
    "behaviour.only_label_entries_right": "right only in each row's label column",
    "behaviour.unchanged": "a part of the result is an argument returned unchanged",
    "behaviour.returned_argument": "the result is one of the arguments, returned as it was "
    "given (nothing computed)",
    "behaviour.step_along": "new values moved by a number argument times another argument "
    "(not their own gradient): arguments taken in another order",
    "behaviour.step_reversed": "new values moved the opposite way from the expected step",
    "behaviour.step_without_scalar": "new values moved 1/x times as far as expected, x a "
    "number argument (a learning rate left out)",
    "behaviour.one_item_short": "lists returned one item short of the expected ones (L - 1 "
    "items for L layers)",
    "behaviour.step_fixed_scalar": "new values moved as if a number argument (a learning "
    "rate) had one fixed value, whatever value it was given",
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
