"""Check the backward corpus against its labels: python tests/corpus/backward/check_labels.py [-v]

Each file is loaded as a module and its five functions are run, in this process, on
inputs of the kind the grader passes (float64 arrays, int64 labels, lists of arrays):
the course's bank network, random networks of one to three layers, a hidden
pre-activation exactly 0, large scores, one row and several rows. The rules:

* a function labelled with no mistake agrees with solutions/backward.py everywhere,
  and never writes into its arguments;
* a function labelled with a mistake disagrees somewhere (a value, a shape, an
  error, or a write into an argument);
* the mistake is the function's own: with the file's other functions replaced by the
  reference's, it still disagrees. Except ``backward.broken_dependency``, which must
  go away when the file's helpers are replaced by the reference's;
* ``main`` names one of the file's labelled mistakes.

Exit status 0 when every file agrees with its label.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import itertools
import json
import signal
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
NAMES = ("relu_grad", "softmax_cross_entropy_grad", "dense_backward", "backward", "sgd_step")
HELPERS = ("relu_grad", "softmax_cross_entropy_grad", "dense_backward")


def load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        spec.loader.exec_module(module)
    return module


REF = load(ROOT / "solutions" / "backward.py", "_backward_corpus_reference")


def read_only(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        value = value.copy()
        value.flags.writeable = False
        return value
    if isinstance(value, (list, tuple)):
        return type(value)(read_only(v) for v in value)
    return value


def inputs() -> dict[str, list[tuple[Any, ...]]]:
    rng = np.random.default_rng(11)

    def normal(*shape: int, scale: float = 1.0) -> np.ndarray:
        return rng.normal(0, scale, size=shape).round(2)

    def net(widths: list[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        return ([normal(a, b) for a, b in itertools.pairwise(widths)],
                [normal(b, scale=0.5) for b in widths[1:]])  # fmt: skip

    labels = np.array([0, 2, 1, 2, 0], dtype=np.int64)
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in NAMES}
    out["relu_grad"] += [(np.array([2.0, 0.0, -1.0]),), (normal(4, 3),), (np.array([[0.0, 3.5]]),)]
    out["softmax_cross_entropy_grad"] += [
        (normal(5, 3, scale=2.0), labels), (normal(3, 5), np.array([4, 0, 1])),
        (np.array([[1000.0, 0.0]]), np.array([1])), (normal(4, 3) * 300 + 900, labels[:4]),
    ]  # fmt: skip
    out["dense_backward"] += [(normal(5, 3), normal(3, 2), normal(5, 2)),
                              (normal(1, 3), normal(3, 3), normal(1, 3))]  # fmt: skip
    # The docstrings' calls, with Python lists as they are written there; labels that never
    # reach the last class; rows whose scores lie far apart.
    out["relu_grad"].append(([2, 0, -1],))
    out["softmax_cross_entropy_grad"] += [
        ([[9, 9]], [0]), (normal(4, 4), np.array([0, 1, 2, 1])),
        (np.array([[1000.0, 999.0, 998.0], [0.0, 1.0, 2.0]]), np.array([0, 2])),
    ]  # fmt: skip
    out["dense_backward"].append(([[5, 1]], [[2, 1], [-1, 4]], [[-0.5, 0.5]]))
    for widths in ([3, 2], [3, 5, 3], [4, 3, 5, 3]):
        w, b = net(widths)
        out["backward"].append((normal(5, widths[0]), w, b, labels % widths[-1]))
    w, b = net([3, 4, 3])
    out["backward"].append(
        (
            np.array([[1.0, 2.0, -1.0], [2.0, 0.0, 1.0]]),
            [np.array([[1.0, 1, 0, 1], [1, 0, 1, -1], [2, 1, 1, 0]]), w[1]],
            [np.array([-1.0, 0, 0, 0]), b[1]],
            np.array([0, 2]),
        )
    )  # z = 0
    out["backward"].append(((np.abs(normal(4, 3)) + 2) * 100, [np.abs(x) + 0.5 for x in w], b,
                            labels[:4]))  # fmt: skip  # large scores
    out["backward"].append((normal(5, 3), w, [np.zeros(4), np.zeros(3)], labels))
    out["backward"].append((normal(4, 3), w, b, np.array([0, 1, 1, 0])))  # never the last class
    for widths in ([3, 2], [3, 4, 2], [2, 3, 3, 2]):
        w, b = net(widths)
        gw, gb = net(widths)
        out["sgd_step"].append((w, b, gw, gb, 0.1))
    return out


INPUTS = inputs()


class _TooLong(Exception):
    pass


def _too_long(signum: int, frame: Any) -> None:
    raise _TooLong("did not finish in 5 s")


signal.signal(signal.SIGALRM, _too_long)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    try:
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return False
    return a.shape == b.shape and bool(np.all(np.isfinite(a))) and bool(np.allclose(a, b))


def agrees(function: Any, name: str) -> tuple[bool, str]:
    """Whether ``function`` agrees with the reference's ``name`` on every input."""
    for args in INPUTS[name]:
        want = getattr(REF, name)(*copy.deepcopy(args))
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            signal.alarm(5)  # a function that never ends disagrees
            try:
                got = function(*read_only(copy.deepcopy(args)))
            except Exception as exc:  # a student's function: anything may come out
                return False, f"raised {type(exc).__name__}: {exc}"[:120]
            finally:
                signal.alarm(0)
        if not _same(got, want):
            return False, "wrong value or shape"
    return True, ""


def with_reference(module: Any, keep: str, replaced: tuple[str, ...]) -> Any:
    """The file's ``keep`` function, its module's ``replaced`` functions the reference's."""
    saved = {n: getattr(module, n) for n in replaced}
    function = getattr(module, keep)

    def run(*args: Any) -> Any:
        for n in replaced:
            setattr(module, n, getattr(REF, n))
        try:
            return function(*args)
        finally:
            for n, f in saved.items():
                setattr(module, n, f)

    return run


def check(path: Path, label: dict[str, Any], verbose: bool) -> list[str]:
    problems = []
    module = load(path, "_backward_corpus_" + path.stem)
    mistakes: dict[str, list[str]] = label["mistakes"]
    for name in NAMES:
        ok, why = agrees(getattr(module, name), name)
        labelled = mistakes.get(name, [])
        if verbose:
            print(f"  {name:<28} {'agrees' if ok else 'differs: ' + why}  {labelled}")
        if ok and labelled:
            problems.append(f"{name} is labelled {labelled} but agrees with the reference")
        if not ok and not labelled:
            problems.append(f"{name} is unlabelled but differs: {why}")
        if labelled and not ok:
            others = tuple(n for n in HELPERS if n != name)
            own, _ = agrees(with_reference(module, name, others), name)
            dependency = labelled == ["backward.broken_dependency"]
            if dependency and not own:
                problems.append(f"{name}: still wrong with the reference's helpers")
            if not dependency and own:
                problems.append(f"{name}: right with the reference's helpers, not its own")
    main = label["main"]
    if main and main.split(":", 1)[1] not in mistakes.get(main.split(":", 1)[0], []):
        problems.append(f"main {main} is not among the labels")
    return problems


def main() -> int:
    verbose = "-v" in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("-")]
    labels = json.loads((HERE / "labels.json").read_text())
    files = sorted(p.name for p in HERE.glob("*.py") if p.name != "check_labels.py")
    bad = 0
    if sorted(labels) != files:
        print(f"labels.json and the files differ: {sorted(set(labels) ^ set(files))}")
        bad += 1
    for name in only or sorted(labels):
        if verbose:
            print(name)
        problems = check(HERE / name, labels[name], verbose)
        for problem in problems:
            print(f"{name}: {problem}")
        bad += bool(problems)
    print("OK" if not bad else f"{bad} file(s) disagree with their labels")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
