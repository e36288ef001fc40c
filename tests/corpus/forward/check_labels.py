"""Check the corpus against its labels: python tests/corpus/forward/check_labels.py [-v] [file ...]

``--cross`` lists the probes of misconceptions a function is not labelled with that fire.

Each corpus file is loaded as a module and its six functions are run on the
course examples and on random float64 inputs (rows, negative values, large
logits), the way the grader passes them, and compared with
solutions/forward.py. The rules:

* a function labelled with no mistake agrees with the reference everywhere
  (values, shape, an array where the reference gives an array, a number where
  it gives a number, its arguments left unchanged);
* a function labelled with a mistake disagrees somewhere, and with the right
  kind of evidence: an ``*.in_place`` mistake modifies an argument,
  ``type.list_result`` gives the right values as a list (and nothing else is
  wrong), every other mistake gives a wrong value, a wrong shape or an error;
* the mistake is the function's own: with the file's other five functions
  replaced by the reference's, it still disagrees. Except
  ``hidden_layer.broken_relu_dependency``, which must go away when only relu is
  replaced by the reference's;
* each labelled misconception shows in its own probe (SIGNS): a small input
  on which that mistake, and not just any mistake, gives itself away;
* a file labelled ``"import_error"`` fails to import, with that exception;
  every other file imports.

Exit status 0 when every file agrees with its label.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import itertools
import json
import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
NAMES = ("relu", "node_value", "hidden_layer", "forward", "softmax", "cross_entropy_loss")
PREFIX = {
    "relu": "relu",
    "node_value": "node_value",
    "hidden_layer": "hidden_layer",
    "forward": "forward",
    "softmax": "softmax",
    "cross_entropy_loss": "loss",
}
VOCABULARY = {
    "relu.scalar_only",
    "relu.abs",
    "relu.in_place",
    "relu.vectorize_int",
    "node_value.no_bias",
    "node_value.no_sum",
    "node_value.rounded",
    "node_value.activation",
    "hidden_layer.no_relu",
    "hidden_layer.bias_after_relu",
    "hidden_layer.transposed",
    "hidden_layer.bias_twice",
    "hidden_layer.broken_relu_dependency",
    "forward.relu_on_output",
    "forward.skipped_layers",
    "forward.fixed_layer_count",
    "forward.sizes_written_in",
    "forward.flattened",
    "forward.only_1d",
    "forward.only_2d",
    "forward.no_biases",
    "forward.hard_coded",
    "softmax.no_shift",
    "softmax.wrong_axis",
    "softmax.whole_array",
    "softmax.divide_by_max",
    "softmax.in_place",
    "loss.summed",
    "loss.no_softmax_probs",
    "loss.raw_scores",
    "loss.unstable_log",
    "loss.one_hot_labels",
    "loss.per_row",
    "loss.large_epsilon",
    "loss.math_overflow",
    "module.name_shadowed",
    "type.list_result",
    "type.int_dtype",
    "relu.sigmoid",
    "relu.tanh",
    "relu.leaky",
    "relu.step",
    "relu.np_max",
    "hidden_layer.sigmoid",
    "hidden_layer.tanh",
    "hidden_layer.leaky",
    "hidden_layer.none_biases",
    "hidden_layer.bias_column",
    "hidden_layer.no_biases",
    "node_value.mean",
    "node_value.sums_multiplied",
    "node_value.bias_per_input",
    "forward.sigmoid",
    "forward.tanh",
    "forward.leaky",
    "forward.none_biases",
    "forward.first_layer_skipped",
    "forward.last_layer_skipped",
    "forward.reversed_layers",
    "forward.softmax_on_output",
    "forward.inputs_every_layer",
    "forward.relu_on_inputs",
    "forward.relu_first_only",
    "softmax.log_softmax",
    "softmax.global_max",
    "softmax.no_keepdims",
    "softmax.axis_1",
    "loss.softmax_twice",
    "loss.all_pairs",
    "loss.log10",
    "loss.max_not_added_back",
    "loss.float_labels",
    "loss.last_row_skipped",
    "loss.rows_by_labels",
    "node_value.first_input_skipped",
}


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        spec.loader.exec_module(module)
    return module


REF = load(ROOT / "solutions" / "forward.py", "_corpus_reference")


def arr(x):
    return np.array(x, dtype=float)


def cases():
    """(function name, args) pairs: the course examples, then random inputs."""
    rng = np.random.default_rng(20240611)
    out = []
    # relu: the grader's scalars are plain Python int and float.
    for x in (3, -3, 0, 2.5, -0.75, 7.0):
        out.append(("relu", (x,)))
    out.append(("relu", (arr([-1.5, 2.25, 0.0, 3.5, -4.0]),)))  # first < 0: vectorize -> int
    out.append(("relu", (arr([2.5, -1.25, 0.75]),)))
    for shape in ((6,), (3, 4), (5, 2)):
        out.append(("relu", (rng.normal(0, 2, shape),)))
    # node_value
    out.append(("node_value", (arr([2, 3]), arr([1, 1]))))
    out.append(("node_value", (arr([2, 3]), arr([-1, 1]))))
    out.append(("node_value", (arr([2, 3]), arr([-1, -1]))))
    for n in (3, 5, 4):
        out.append(("node_value", (rng.normal(0, 1.7, n), rng.normal(0, 1.3, n))))
        out.append(
            ("node_value", (rng.normal(0, 1.7, n), rng.normal(0, 1.3, n), float(rng.normal(0, 2))))
        )
    out.append(("node_value", (arr([1.5, -2.0, 0.25]), arr([-2.0, 1.0, 4.0]), 0.5)))
    # hidden_layer
    out.append(("hidden_layer", (arr([3, 5]), arr([[2, 4], [4, -5]]))))
    out.append(("hidden_layer", (arr([2, 3]), arr([[1, -1], [1, 1]]))))
    for m, n_in, n_out in ((None, 3, 4), (5, 3, 2), (4, 4, 4), (None, 2, 5), (6, 5, 3)):
        x = rng.normal(0, 1.5, (n_in,) if m is None else (m, n_in))
        w = rng.normal(0, 1.0, (n_in, n_out))
        out.append(("hidden_layer", (x, w)))
        out.append(("hidden_layer", (x, w, rng.normal(0, 1.0, n_out))))
    # forward
    bank = [arr([[1, -1], [1, 1]]), arr([[2], [-1]])]
    deep = [arr([[2, 4], [4, -5]]), arr([[-1, 1], [2, 2]]), arr([[2], [7]])]
    out.append(("forward", (arr([2, 3]), bank)))
    out.append(("forward", (arr([3, 5]), deep)))
    out.append(("forward", (arr([[2, 3], [3, 5], [1, -4]]), bank)))
    out.append(("forward", (arr([[3, 5], [2, 3]]), deep)))
    for sizes, m in (
        ((3, 4, 2), None),
        ((3, 4, 2), 5),
        ((2, 3, 4, 1), None),
        ((2, 3, 4, 1), 6),
        ((4, 5, 3, 2, 3), 3),
        ((4, 5, 3, 2, 3), None),
        ((3, 2), 4),
        ((5, 6, 1), 5),
    ):
        ws = [rng.normal(0, 1.0, (a, b)) for a, b in itertools.pairwise(sizes)]
        bs = [rng.normal(0, 1.0, b) for b in sizes[1:]]
        x = rng.normal(0, 1.5, (sizes[0],) if m is None else (m, sizes[0]))
        out.append(("forward", (x, ws)))
        out.append(("forward", (x, ws, bs)))
    # softmax
    out.append(("softmax", (arr([1000, 1000]),)))
    out.append(("softmax", (arr([0, 0]),)))
    out.append(("softmax", (arr([1, 2, 3]),)))
    out.append(("softmax", (rng.normal(0, 2, 5),)))
    out.append(("softmax", (rng.normal(0, 2, (3, 4)),)))
    out.append(("softmax", (rng.normal(0, 2, (4, 4)),)))
    out.append(("softmax", (arr([[1000, 999, 998], [-5, 0, 5]]),)))
    out.append(("softmax", (rng.normal(0, 1, (2, 6)) + arr([[800], [-800]]),)))
    out.append(("softmax", (np.array([3, 0, 1]),)))  # whole numbers, as softmax([0, 0]) is written
    # cross_entropy_loss
    ints = lambda *v: np.array(v, dtype=np.int64)  # noqa: E731
    out.append(("cross_entropy_loss", (arr([[1000, 0]]), ints(1))))
    out.append(("cross_entropy_loss", (arr([[0, 0]]), ints(0))))
    out.append(("cross_entropy_loss", (arr([[2.0, 1.0, 0.1]]), ints(0))))
    for m, n in ((4, 3), (3, 3), (5, 2), (2, 5)):
        out.append(("cross_entropy_loss", (rng.normal(0, 2, (m, n)), rng.integers(0, n, m))))
    out.append(("cross_entropy_loss", (arr([[1000, 0, -1000], [3, 2, 1]]), ints(2, 0))))
    out.append(
        ("cross_entropy_loss", (arr([[-3, 1, 2], [0.5, 0.5, -1], [4, 4, 4]]), ints(0, 2, 1)))
    )
    return out


CASES = cases()


def copy_args(args):
    return tuple(
        [np.array(a) for a in x]
        if isinstance(x, list)
        else (np.array(x) if isinstance(x, np.ndarray) else x)
        for x in args
    )


def same_args(a, b):
    for x, y in zip(a, b, strict=True):
        if isinstance(x, list):
            if not all(np.array_equal(p, q, equal_nan=True) for p, q in zip(x, y, strict=True)):
                return False
        elif isinstance(x, np.ndarray) and not np.array_equal(x, y, equal_nan=True):
            return False
    return True


def is_scalar(v):
    return (isinstance(v, (int, float, np.generic)) and not isinstance(v, bool)) or (
        isinstance(v, np.ndarray) and v.ndim == 0
    )


def values_equal(want, got):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    want = np.asarray(want, dtype=float)
    if got.shape != want.shape:
        return False
    return bool(np.allclose(got, want, rtol=1e-7, atol=1e-9, equal_nan=True))


def compare(want, got):
    """None when they agree, else 'type' (right values, wrong kind) or 'value'."""
    if not values_equal(want, got):
        return "value"
    if isinstance(want, np.ndarray) and want.ndim > 0:
        if not isinstance(got, np.ndarray):
            return "type"
        if want.dtype.kind == "f" and got.dtype.kind != "f":
            return "type"
    elif not is_scalar(got):
        return "type"
    return None


def call(function, args):
    with (
        contextlib.redirect_stdout(io.StringIO()),
        warnings.catch_warnings(),
        np.errstate(all="ignore"),
    ):
        warnings.simplefilter("ignore")
        return function(*args)


def evidence(module, name):
    """The kinds of disagreement of module.name with the reference: a set of
    'value', 'type', 'mutation', 'error', 'not_callable', with one example each."""
    found = {}
    function = getattr(module, name, None)
    if not callable(function):
        return {"not_callable": f"{name} is {type(function).__name__}"}
    for fname, args in CASES:
        if fname != name:
            continue
        want = call(getattr(REF, name), copy_args(args))
        given = copy_args(args)
        try:
            got = call(function, given)
        except Exception as exc:
            found.setdefault("error", f"{name}{short(args)} raised {type(exc).__name__}: {exc}")
            continue
        if not same_args(given, args):
            found.setdefault("mutation", f"{name}{short(args)} modified its argument")
        kind = compare(want, got)
        if kind:
            found.setdefault(kind, f"{name}{short(args)} = {short1(got)}, want {short1(want)}")
    return found


def short(args):
    return "(" + ", ".join(short1(a) for a in args) + ")"


def short1(v):
    if isinstance(v, list) and v and isinstance(v[0], np.ndarray):
        return "[" + ", ".join("x".join(map(str, a.shape)) for a in v) + "]"
    text = (
        np.array2string(np.asarray(v), precision=3, threshold=6)
        if not isinstance(v, (int, float))
        else repr(v)
    )
    if isinstance(v, list):
        text = "list" + text
    return text.replace("\n", "")[:70]


def attempt(function, *args):
    """function(*args), or the exception it raised."""
    try:
        return call(function, args)
    except Exception as exc:
        return exc


def near(got, want, rtol=1e-7):
    return not isinstance(got, Exception) and values_equal_tol(want, got, rtol)


def values_equal_tol(want, got, rtol):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=rtol, atol=1e-9))


def failed(got):
    return isinstance(got, Exception)


def bad_number(got):
    return failed(got) or not np.all(np.isfinite(np.asarray(got, dtype=float)))


BANK = [arr([[1, -1], [1, 1]]), arr([[2], [-1]])]
DEEP = [arr([[2, 4], [4, -5]]), arr([[-1, 1], [2, 2]]), arr([[2], [7]])]
NET3 = [arr([[1, -1], [0.5, 2], [-1, 1]]), arr([[1], [2]])]
P = arr([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.25, 0.25, 0.5], [0.2, 0.5, 0.3]])
Y = np.array([0, 2, 1, 1], dtype=np.int64)
ONE_HOT = np.eye(3)[Y]
S = arr([[1.5, -0.5, 0.3], [0.2, 2.0, -1.0], [-0.3, 0.1, 0.4], [2.2, 0.0, -2.0]])


def _loss_eps(f):
    extreme = attempt(f, arr([[1000, 0]]), np.array([1]))
    if bad_number(extreme) or np.ndim(extreme) or not float(extreme) < 50:
        return False
    want = REF.cross_entropy_loss(S, Y)
    for labels in (Y, ONE_HOT):
        got = attempt(f, S, labels)
        if not bad_number(got) and np.ndim(got) == 0 and 1e-7 < abs(got - want) / want < 0.1:
            return True
    return False


# For each misconception, a probe: does this mistake show, the way the README says?
SIGNS = {
    "relu.scalar_only": lambda f: (
        near(attempt(f, 3), 3) and near(attempt(f, -3), 0) and failed(attempt(f, arr([-1, 2])))
    ),
    "relu.abs": lambda f: not near(attempt(f, -2.0), 0) or not near(attempt(f, 3.0), 3),
    "relu.in_place": None,  # the mutation evidence
    "relu.vectorize_int": lambda f: np.asarray(attempt(f, arr([-1.5, 2.25]))).dtype.kind == "i",
    "node_value.no_bias": lambda f: near(
        attempt(f, arr([1, 2]), arr([3, -1]), 1.5), attempt(f, arr([1, 2]), arr([3, -1]))
    ),
    "node_value.no_sum": lambda f: np.ndim(attempt(f, arr([1, 2]), arr([3, 4]))) > 0,
    "node_value.rounded": lambda f: (
        lambda v: not bad_number(v) and 1e-7 < abs(np.sum(v) - 0.123456) < 0.01
    )(attempt(f, arr([0.123456]), arr([1.0]))),
    "node_value.activation": lambda f: np.all(
        np.asarray(attempt(f, arr([1, 2]), arr([-1, -1])), dtype=float) == 0
    ),
    "hidden_layer.no_relu": lambda f: np.any(
        np.asarray(attempt(f, arr([3, 5]), DEEP[0]), dtype=float) < 0
    ),
    "hidden_layer.bias_after_relu": lambda f: near(
        attempt(f, arr([1]), arr([[-1]]), arr([0.5])), [0.5]
    ),
    "hidden_layer.bias_twice": lambda f: near(attempt(f, arr([1]), arr([[1]]), arr([1])), [3]),
    "hidden_layer.transposed": lambda f: near(
        attempt(f, arr([1, 2]), arr([[1, 2], [3, 4]])), [5, 11]
    ),
    "hidden_layer.broken_relu_dependency": None,  # checked by patching relu
    "forward.relu_on_output": lambda f: near(attempt(f, arr([1]), [arr([[1]]), arr([[-1]])]), [0]),
    "forward.skipped_layers": lambda f: near(attempt(f, arr([3, 5]), DEEP), [52]),
    "forward.fixed_layer_count": lambda f: (
        (lambda v: failed(v) or np.shape(v) == (2,))(attempt(f, arr([3, 5]), DEEP))
        and (lambda v: failed(v) or np.shape(v) == (2, 2))(attempt(f, arr([[3, 5], [2, 3]]), DEEP))
    ),
    "forward.sizes_written_in": lambda f: (
        near(attempt(f, arr([2, 3]), BANK), [9]) and failed(attempt(f, arr([1, 2, 3]), NET3))
    ),
    "forward.flattened": lambda f: (
        np.shape(attempt(f, arr([[2, 3], [3, 5], [1, -4]]), BANK)) == (3,)
    ),
    "forward.only_1d": lambda f: (
        near(attempt(f, arr([2, 3]), BANK), [9])
        and (lambda v: failed(v) or np.shape(v) not in {(3, 1), (3,)})(
            attempt(f, arr([[2, 3], [3, 5], [1, -4]]), BANK)
        )
    ),
    "forward.only_2d": lambda f: (
        near(attempt(f, arr([[2, 3], [3, 5]]), BANK), [[9], [14]])
        and (lambda v: failed(v) or np.ndim(v) == 2)(attempt(f, arr([2, 3]), BANK))
    ),
    "forward.no_biases": lambda f: near(
        attempt(f, arr([1, 2, 3]), NET3, [arr([1, 2]), arr([3])]), attempt(f, arr([1, 2, 3]), NET3)
    ),
    "forward.hard_coded": lambda f: (
        near(attempt(f, arr([2, 3]), BANK), [9])
        and near(attempt(f, arr([3, 5]), DEEP), [182])
        and not near(attempt(f, arr([4, 6]), BANK), [18])
    ),
    "softmax.no_shift": lambda f: bad_number(attempt(f, arr([1000, 1000]))),
    "softmax.wrong_axis": lambda f: near(np.sum(attempt(f, S), axis=0), np.ones(3)),
    "softmax.whole_array": lambda f: near(np.sum(attempt(f, S)), 1.0),
    "softmax.divide_by_max": lambda f: near(np.max(attempt(f, S), axis=-1), np.ones(4)),
    "softmax.in_place": None,  # the mutation evidence
    "loss.summed": lambda f: any(
        near(
            attempt(f, np.vstack([X, X]), np.hstack([Y, Y])),
            2 * np.asarray(attempt(f, X, Y), dtype=float),
            1e-6,
        )
        for X in (S, P)
    ),
    "loss.no_softmax_probs": lambda f: any(
        near(attempt(f, P, Y), v)
        for v in (-np.mean(np.log(P[np.arange(4), Y])), -np.sum(np.log(P[np.arange(4), Y])))
    ),
    "loss.raw_scores": lambda f: near(np.sum(attempt(f, arr([[0, 0, 0]]), np.array([1]))), 0),
    "loss.unstable_log": lambda f: (
        near(attempt(f, S, Y), REF.cross_entropy_loss(S, Y), 1e-6)
        and (lambda v: not failed(v) and not near(v, 1000.0))(
            attempt(f, arr([[1000, 0]]), np.array([1]))
        )
    ),
    "loss.one_hot_labels": lambda f: (
        near(attempt(f, S, ONE_HOT), REF.cross_entropy_loss(S, Y), 1e-2)
        and not near(attempt(f, S, Y), REF.cross_entropy_loss(S, Y))
    ),
    "loss.per_row": lambda f: np.shape(attempt(f, S, Y)) == (4,),
    "loss.large_epsilon": _loss_eps,
    "loss.math_overflow": lambda f: isinstance(
        attempt(f, arr([[1000, 0]]), np.array([1])), OverflowError
    ),
    "module.name_shadowed": lambda f: not callable(f),
    "type.list_result": None,  # the type evidence
    "type.int_dtype": lambda f: any(
        np.asarray(v).dtype.kind in "iu"
        for v in (
            attempt(f, 2.5),
            attempt(f, arr([3, 5]), arr([[0.5, 1.5], [0.25, -1]])),
            attempt(f, arr([2.5, 3]), BANK),
            attempt(f, np.array([3, 0])),
        )
        if not failed(v)
    ),
}


# The signs of the mistakes public code makes (issue 18): each reads one behaviour.
NEG = arr([-2.0, 3.0])
SQ = [arr([[1, 2], [0.5, -1]]), arr([[-1, 1], [2, 0.5]]), arr([[1.5], [-2]])]


def _ref_forward(x, layers, relu_at):
    a = x
    for k, w in enumerate(layers):
        a = a @ w
        if k in relu_at:
            a = np.maximum(0, a)
    return a


EXTRA_SIGNS = {
    "relu.sigmoid": lambda f: near(attempt(f, arr([0.0, 2.0])), 1 / (1 + np.exp(-arr([0.0, 2.0])))),
    "relu.tanh": lambda f: near(attempt(f, NEG), np.tanh(NEG)),
    "relu.leaky": lambda f: near(attempt(f, NEG), [-0.02, 3.0]),
    "relu.step": lambda f: near(attempt(f, NEG), [0.0, 1.0]),
    "relu.np_max": lambda f: failed(attempt(f, NEG)) and failed(attempt(f, 3)),
    "hidden_layer.sigmoid": lambda f: near(
        attempt(f, arr([1, 2]), arr([[1, -1], [0.5, -2]])), 1 / (1 + np.exp(-arr([2, -5])))
    ),
    "hidden_layer.tanh": lambda f: near(
        attempt(f, arr([1, 2]), arr([[1, -1], [0.5, -2]])), np.tanh(arr([2, -5]))
    ),
    "hidden_layer.leaky": lambda f: near(
        attempt(f, arr([1, 2]), arr([[1, -1], [0.5, -2]])), [2, -0.05]
    ),
    "hidden_layer.none_biases": lambda f: (
        near(attempt(f, arr([1, 2]), arr([[1, -1], [0.5, -2]]), arr([0, 0])), [2, 0])
        and (lambda v: failed(v) or bad_number(v))(
            attempt(f, arr([1, 2]), arr([[1, -1], [0.5, -2]]))
        )
    ),
    "hidden_layer.bias_column": lambda f: (lambda v: failed(v) or np.shape(v) == (2, 2))(
        attempt(f, arr([1, 2]), arr([[1, -1], [0.5, -2]]), arr([1, 1]))
    ),
    "hidden_layer.no_biases": lambda f: near(
        attempt(f, arr([1, 2]), arr([[1, 1], [1, 1]]), arr([1, -10])), [3, 3]
    ),
    "node_value.first_input_skipped": lambda f: near(attempt(f, arr([2, 3]), arr([1, 1])), 3),
    "node_value.mean": lambda f: near(attempt(f, arr([2, 3]), arr([1, 1])), 2.5),
    "node_value.sums_multiplied": lambda f: near(attempt(f, arr([1, 2]), arr([3, 4])), 21),
    "node_value.bias_per_input": lambda f: near(attempt(f, arr([1, 2]), arr([3, 4]), 1.0), 13),
    "forward.sigmoid": lambda f: near(
        attempt(f, arr([1.0, 2.0]), SQ),
        (lambda g: g(g(arr([1.0, 2.0]) @ SQ[0]) @ SQ[1]) @ SQ[2])(lambda z: 1 / (1 + np.exp(-z))),
    ),
    "forward.tanh": lambda f: near(
        attempt(f, arr([1.0, 2.0]), SQ), np.tanh(np.tanh(arr([1.0, 2.0]) @ SQ[0]) @ SQ[1]) @ SQ[2]
    ),
    "forward.leaky": lambda f: near(
        attempt(f, arr([1.0, 2.0]), SQ),
        (lambda g: g(g(arr([1.0, 2.0]) @ SQ[0]) @ SQ[1]) @ SQ[2])(
            lambda z: np.where(z > 0, z, 0.01 * z)
        ),
    ),
    "forward.none_biases": lambda f: (
        near(attempt(f, arr([2, 3]), BANK, [arr([0, 0]), arr([0])]), [9])
        and (lambda v: failed(v) or bad_number(v))(attempt(f, arr([2, 3]), BANK))
    ),
    "forward.first_layer_skipped": lambda f: (
        (
            lambda v: (
                failed(v)
                or near(v, _ref_forward(arr([1.0, 2.0]), SQ[1:], {0}))
                or near(v, _ref_forward(arr([1.0, 2.0]), [SQ[1], SQ[2]], {0}))
            )
        )(attempt(f, arr([1.0, 2.0]), SQ))
        and not near(attempt(f, arr([1.0, 2.0]), SQ), REF.forward(arr([1.0, 2.0]), SQ))
    ),
    "forward.last_layer_skipped": lambda f: near(
        attempt(f, arr([1.0, 2.0]), SQ), _ref_forward(arr([1.0, 2.0]), SQ[:2], {0, 1})
    ),
    "forward.reversed_layers": lambda f: (
        failed(attempt(f, arr([2, 3]), BANK))
        and near(
            attempt(f, arr([1.0, 2.0]), SQ[:2]), _ref_forward(arr([1.0, 2.0]), SQ[:2][::-1], {0})
        )
    ),
    "forward.softmax_on_output": lambda f: near(
        np.sum(attempt(f, arr([[1.0, 2.0], [0.5, -1]]), [SQ[0], SQ[1]]), axis=-1), [1.0, 1.0]
    ),
    "forward.inputs_every_layer": lambda f: near(
        attempt(f, arr([1.0, 2.0]), [SQ[0], SQ[1], SQ[2]]),
        np.maximum(0, arr([1.0, 2.0]) @ SQ[1]) @ SQ[2],
    ),
    "forward.relu_on_inputs": lambda f: near(attempt(f, arr([-1.0]), [arr([[1.0]])]), [0.0]),
    "forward.relu_first_only": lambda f: near(
        attempt(f, arr([1.0, 2.0]), SQ), _ref_forward(arr([1.0, 2.0]), SQ, {0})
    ),
    "softmax.log_softmax": lambda f: near(attempt(f, S), np.log(REF.softmax(S))),
    "softmax.global_max": lambda f: bad_number(attempt(f, arr([[1000, 999], [0, 1]]))),
    "softmax.no_keepdims": lambda f: (
        failed(attempt(f, S)) and near(attempt(f, arr([1.0, 2.0])), REF.softmax(arr([1.0, 2.0])))
    ),
    "softmax.axis_1": lambda f: (
        failed(attempt(f, arr([1.0, 2.0]))) and near(attempt(f, S), REF.softmax(S))
    ),
    "loss.softmax_twice": lambda f: near(
        attempt(f, S, Y), REF.cross_entropy_loss(REF.softmax(S), Y), 1e-6
    ),
    "loss.all_pairs": lambda f: near(
        attempt(f, S, Y), -np.mean(np.log(REF.softmax(S))[:, Y]), 1e-6
    ),
    "loss.log10": lambda f: near(attempt(f, S, Y), REF.cross_entropy_loss(S, Y) / np.log(10), 1e-6),
    "loss.max_not_added_back": lambda f: near(
        attempt(f, S, Y), REF.cross_entropy_loss(S, Y) - np.mean(S.max(axis=1)), 1e-6
    ),
    "loss.float_labels": lambda f: failed(attempt(f, S, Y)) and failed(attempt(f, P, Y)),
    "loss.last_row_skipped": lambda f: near(
        attempt(f, S, Y),
        REF.cross_entropy_loss(S[:3], Y[:3]) * 3 / 4,
        1e-6,
    ),
    "loss.rows_by_labels": lambda f: near(
        attempt(f, S, Y), -np.mean(np.log(REF.softmax(S))[Y]), 1e-6
    ),
}
SIGNS.update(EXTRA_SIGNS)


def sign_shows(function, mid):
    probe = SIGNS[mid]
    if probe is None:
        return True
    with (
        contextlib.redirect_stdout(io.StringIO()),
        warnings.catch_warnings(),
        np.errstate(all="ignore"),
    ):
        warnings.simplefilter("ignore")
        try:
            return bool(probe(function))
        except Exception:
            return False


def patched(module, keep):
    """module with every function but those in keep replaced by the reference's."""
    saved = {n: module.__dict__.get(n) for n in NAMES}
    for n in NAMES:
        if n not in keep:
            module.__dict__[n] = getattr(REF, n)
    return saved


def restore(module, saved):
    module.__dict__.update(saved)


def check_file(path: Path, label: dict, verbose: bool) -> list[str]:
    problems = []
    mistakes = label["mistakes"]
    for fname, ids in mistakes.items():
        if fname not in NAMES:
            problems.append(f"unknown function {fname}")
        for mid in ids:
            if mid not in VOCABULARY:
                problems.append(f"unknown misconception {mid}")
            elif not (
                mid.startswith(PREFIX[fname] + ".") or mid.split(".")[0] in {"module", "type"}
            ):
                problems.append(f"{mid} filed under {fname}")
    main = label["main"]
    if (main is None) != (not mistakes):
        problems.append("main must be null exactly when there are no mistakes")
    if main is not None:
        fname, _, mid = main.partition(":")
        if mid not in mistakes.get(fname, []):
            problems.append(f"main {main} is not among the mistakes")
    try:
        module = load(path, "_corpus_" + path.stem)
    except Exception as exc:
        if label.get("import_error") == type(exc).__name__:
            if verbose:
                print(f"  import fails as labelled: {type(exc).__name__}: {exc}")
            return problems
        return [*problems, f"import failed: {type(exc).__name__}: {exc}"]
    if "import_error" in label:
        problems.append("labelled import_error but imports")
    for name in NAMES:
        ids = mistakes.get(name, [])
        found = evidence(module, name)
        if verbose:
            print(f"  {name}: {ids or 'correct'} -> {found or 'agrees'}")
        if not ids:
            if found:
                problems.append(f"{name} labelled correct but: {next(iter(found.values()))}")
            continue
        if not found:
            problems.append(f"{name} labelled {ids} but agrees with the reference")
            continue
        own = set(ids) - {"hidden_layer.broken_relu_dependency", "type.list_result"}
        if "type.list_result" in ids and not own and set(found) != {"type"}:
            problems.append(f"{name} labelled list_result but: {found}")
        if any(m.endswith(".in_place") for m in ids) and "mutation" not in found:
            problems.append(f"{name} labelled in_place but leaves its arguments alone")
        if own - {m for m in own if m.endswith(".in_place")} and not (
            set(found) & {"value", "error", "not_callable"}
        ):
            problems.append(f"{name} labelled {sorted(own)} but only differs by {set(found)}")
        for mid in ids:
            if not sign_shows(getattr(module, name, None), mid):
                problems.append(f"{name}: {mid} does not show in its probe")
        if "hidden_layer.broken_relu_dependency" in ids:
            saved = patched(module, keep=set(NAMES) - {"relu"})
            try:
                again = evidence(module, name)
            finally:
                restore(module, saved)
            if again:
                problems.append(f"{name}: still wrong with the reference relu: {again}")
        elif "module.name_shadowed" not in ids:
            saved = patched(module, keep={name})
            try:
                again = evidence(module, name)
            finally:
                restore(module, saved)
            if not again:
                problems.append(f"{name}: right once the other functions are the reference's")
    return problems


def cross(labels: dict) -> None:
    """Print the probes of misconceptions a function is not labelled with that fire anyway
    (some overlap is inherent: hard-coded answers are wrong everywhere)."""
    for name, label in sorted(labels.items()):
        if "import_error" in label:
            continue
        module = load(HERE / name, "_corpus_cross_" + name[:-3])
        for fname in NAMES:
            function = getattr(module, fname, None)
            ids = label["mistakes"].get(fname, [])
            if not callable(function):
                continue
            fired = [
                mid
                for mid, probe in SIGNS.items()
                if probe
                and mid.split(".")[0] in (PREFIX[fname], "module", "type")
                and mid not in ids
                and sign_shows(function, mid)
            ]
            if fired:
                print(f"{name}: {fname} {ids or 'correct'} also fires {fired}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if "--cross" in argv:
        cross(json.loads((HERE / "labels.json").read_text()))
        return 0
    only = [a for a in argv if a != "-v"]
    labels = json.loads((HERE / "labels.json").read_text())
    files = sorted(p.name for p in HERE.glob("*.py") if p.name != "check_labels.py")
    bad = 0
    for name in sorted(set(files) - set(labels)):
        print(f"{name}: no label")
        bad += 1
    for name in sorted(set(labels) - set(files)):
        print(f"{name}: labelled, but no such file")
        bad += 1
    counts: Counter[str] = Counter()
    shapes: Counter[str] = Counter()
    for name in files:
        if name not in labels or (only and name not in only and name[:-3] not in only):
            continue
        label = labels[name]
        if verbose:
            print(name)
        problems = check_file(HERE / name, label, verbose)
        for p in problems:
            print(f"{name}: {p}")
        bad += bool(problems)
        ids = [m for ms in label["mistakes"].values() for m in ms]
        counts.update(ids)
        same = len(label["mistakes"]) == 1
        shapes[
            "correct"
            if not ids
            else "one bug"
            if len(ids) == 1
            else "two bugs, same function"
            if same
            else "two bugs"
        ] += 1
    if not only:
        print(f"{len(files)} files: " + ", ".join(f"{k} {v}" for k, v in sorted(shapes.items())))
        for mid in sorted(VOCABULARY):
            print(f"  {counts[mid]:3d}  {mid}")
        unused = VOCABULARY - set(counts)
        if unused:
            print("unused:", sorted(unused))
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
