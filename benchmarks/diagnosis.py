"""How well the diagnosis names mistakes in labelled submissions: a corpus folder, graded.

    python benchmarks/diagnosis.py [--corpus DIR ...] [--assignment NAME]
        [--seeds 0 1 2] [--sandbox auto] [--no-catalogue] [-v]
    python benchmarks/diagnosis.py --write-ids   # benchmarks/hint_ids.json, every id

Without ``--corpus``: tests/corpus/NAME and, when it exists, tests/heldout/NAME, for
each assignment (or the one ``--assignment`` names). Each folder is graded file by
file at each seed, and every hint the reports give is compared, by its stable ids
(the report's ``hint_ids``), with the folder's labels. Several folders (a tuned
half and a held-out half) are printed one after the other, each with its own
figures. The assignment is ``--assignment``, else the folder's name
(``tests/corpus/backward`` grades against ``backward``).

Labels, per folder, in one of two files (``ids.json`` wins when both exist):

``ids.json``, for any corpus, mapped onto the published ids (benchmarks/hint_ids.json)::

    {"<file>.py": {
        "main": ["<id>", ...],     # ids that name the file's main mistake; [] if correct
        "true": ["<id>", ...],     # other ids that are true of the file (not misleading)
        "wrong": ["<function>", ...],  # optional: the functions that must lose points
        "error": true                  # optional: the file cannot be graded (a syntax
    }}                                 # error...); only its status is checked

An id is a catalogued mistake (``relu.abs``, ``backward.grad_no_mean``), a behaviour
(``behaviour.only_first_example``) or a symptom (``symptom.read_only``); a catalogued
flavour counts as its family (``relu.abs_doubled`` is ``relu.abs``), both in the
labels and in the reports. Without ``wrong``, a correct file (``main`` empty) must
score full marks and a buggy one must not.

``labels.json``, the tuned corpora's own format (tests/corpus/forward/README.md):
each file's misconception ids per function and its main one. Its ids are turned
into the ``ids.json`` form with ``TRUE_OF`` below: the behaviour and symptom ids
that truly describe each misconception, split into those that name it (``main``)
and those that are merely true of it.

Printed per folder: scores right (every exercise full marks exactly when its
function is correct; with ``wrong`` absent, as said above), main mistake named
(an id of ``main`` among the hints' ids), some true hint (an id of ``main`` or
``true``), buggy gradings with no hint at all, misleading gradings (an id that is
neither), and hints on correct files.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.behaviour import IDS as BEHAVIOUR_IDS  # noqa: E402
from grader.diagnose import ERROR_HINTS, OBSERVED_SYMPTOMS  # noqa: E402
from grader.grade import Grader, grade_submission  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "forward"
HINT_IDS = ROOT / "benchmarks" / "hint_ids.json"
SYMPTOM_IDS = {
    "symptom.name_shadowed": "a function's name is bound to a value at module level",
    "symptom.answers_written_in": "a worked example's answer comes back for changed arguments",
    **{key: hint for _marker, key, hint in ERROR_HINTS},
    **OBSERVED_SYMPTOMS,
}

# For the tuned corpora's labels: the generic ids that are true of each misconception,
# as (ids that name it, ids that are only true of it). A catalogued mistake's own id
# (and its flavours) always names it.
TRUE_OF: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "relu.scalar_only": (("symptom.truth_value",), ()),
    # a caller labelled as failing through its callee: the traceback shows it raised there
    "hidden_layer.broken_relu_dependency": (("symptom.raised_in_callee",), ()),
    "backward.broken_dependency": (("symptom.raised_in_callee",), ()),
    "relu.in_place": (("symptom.read_only",), ()),
    "relu.abs": (
        ("behaviour.absolute_value", "behaviour.negative_values"),
        ("behaviour.constant_factor",),
    ),
    "relu.vectorize_int": ((), ("behaviour.truncated",)),
    "node_value.no_bias": (("behaviour.ignores_argument",), ()),
    "node_value.no_sum": (("behaviour.not_summed",), ("behaviour.reshaped",)),
    "node_value.rounded": (("behaviour.rounded",), ("behaviour.slightly_off",)),
    "node_value.activation": (("behaviour.negatives_zeroed",), ()),
    "hidden_layer.no_relu": (("behaviour.negatives_kept",), ()),
    "hidden_layer.bias_twice": ((), ("behaviour.ignores_argument",)),
    "hidden_layer.bias_after_relu": ((), ("behaviour.ignores_argument",)),
    "forward.relu_on_output": (("behaviour.negatives_zeroed",), ()),
    "forward.skipped_layers": ((), ("behaviour.fixed_layer_count",)),
    "forward.fixed_layer_count": (("behaviour.fixed_layer_count",), ("behaviour.fixed_sizes",)),
    "forward.sizes_written_in": (
        ("behaviour.fixed_input_count", "behaviour.fixed_sizes"),
        ("behaviour.fixed_layer_count",),
    ),
    "forward.flattened": (("behaviour.reshaped",), ("behaviour.only_1d",)),
    "forward.only_1d": (("behaviour.only_1d",), ("symptom.truth_value",)),
    "forward.only_2d": (("behaviour.only_2d",), ()),
    "forward.no_biases": (("behaviour.ignores_argument",), ()),
    "forward.hard_coded": (("symptom.answers_written_in",), ()),
    "softmax.no_shift": (("behaviour.large_values", "symptom.overflow"), ()),
    "softmax.in_place": (("symptom.read_only",), ()),
    "softmax.wrong_axis": (("behaviour.columns_sum_to_one",), ("behaviour.only_1d",)),
    "softmax.whole_array": (("behaviour.whole_sums_to_one",), ("behaviour.only_1d",)),
    "softmax.divide_by_max": (("behaviour.max_is_one",), ()),
    "loss.summed": (("behaviour.sum_not_mean",), ("behaviour.row_count",)),
    "loss.unstable_log": (("behaviour.large_values",), ("symptom.overflow",)),
    "loss.math_overflow": (("symptom.overflow", "behaviour.large_values"), ()),
    "loss.per_row": (("behaviour.per_example_not_reduced",), ()),
    "loss.large_epsilon": (("behaviour.slightly_off",), ()),
    "module.name_shadowed": (("symptom.name_shadowed", "symptom.not_callable"), ()),
    "type.int_dtype": (("behaviour.truncated",), ()),
    # forward, issue 18: the mistakes of public code
    "relu.leaky": ((), ("behaviour.negatives_kept", "behaviour.negative_values")),
    "relu.tanh": ((), ("behaviour.negatives_kept",)),
    "hidden_layer.leaky": ((), ("behaviour.negatives_kept", "behaviour.negative_values")),
    "hidden_layer.tanh": ((), ("behaviour.negatives_kept",)),
    "forward.leaky": (
        (),
        ("behaviour.negatives_kept", "behaviour.negative_values", "behaviour.fixed_layer_count"),
    ),
    "forward.sigmoid": ((), ("behaviour.fixed_layer_count",)),
    "forward.tanh": ((), ("behaviour.fixed_layer_count",)),
    "forward.relu_first_only": ((), ("behaviour.negatives_kept", "behaviour.fixed_layer_count")),
    "hidden_layer.none_biases": ((), ("behaviour.ignores_argument",)),
    "forward.none_biases": ((), ("behaviour.ignores_argument",)),
    "hidden_layer.no_biases": (("behaviour.ignores_argument",), ()),
    "node_value.bias_per_input": ((), ("behaviour.ignores_argument",)),
    "forward.first_layer_skipped": ((), ("behaviour.fixed_layer_count",)),
    "forward.last_layer_skipped": ((), ("behaviour.fixed_layer_count",)),
    "forward.reversed_layers": ((), ("behaviour.fixed_layer_count",)),
    "forward.inputs_every_layer": ((), ("behaviour.fixed_layer_count",)),
    "softmax.axis_1": (("behaviour.only_2d",), ()),
    "softmax.no_keepdims": ((), ("behaviour.only_1d",)),
    "softmax.global_max": ((), ("behaviour.large_values",)),
    "loss.log10": ((), ("behaviour.constant_factor",)),
    # backward
    "backward.relu_grad_at_zero": (("behaviour.zero_values",), ()),
    "relu_grad.divides_by_z": (("behaviour.zero_values",), ()),
    "backward.relu_grad_in_place": (("symptom.read_only",), ()),
    "backward.grad_no_mean": (("behaviour.sum_not_mean",), ("behaviour.row_count",)),
    "backward.no_mean": (("behaviour.sum_not_mean",), ("behaviour.row_count",)),
    "backward.grad_over_classes": (("behaviour.divided_by_columns",), ()),
    "backward.grad_no_onehot": (("behaviour.label_entries_wrong",), ()),
    "backward.grad_diagonal_jacobian": (("behaviour.only_label_entries_right",), ()),
    "backward.onehot_columns": ((), ()),  # wrong only in the columns of other rows' labels
    "backward.sgd_ascent": (("behaviour.step_reversed",), ()),
    "backward.sgd_no_learning_rate": (("behaviour.step_without_scalar",), ()),
    "backward.sgd_biases_unchanged": (("behaviour.unchanged",), ()),
    "backward.grad_sign_flipped": (("behaviour.sign_flipped",), ()),
    "backward.sign_flipped": (("behaviour.sign_flipped",), ()),
    "backward.grad_unstable": (("behaviour.large_values",), ()),
    "backward.unstable_softmax": (("behaviour.large_values",), ()),
    "backward.grad_softmax_over_batch": ((), ("behaviour.row_count",)),
    "backward.mask_at_zero": (("behaviour.zero_values",), ()),
    "backward.dense_averaged": (("behaviour.divided_by_rows",), ("behaviour.row_count",)),
    "backward.dense_weights_averaged_only": (
        ("behaviour.divided_by_rows",),
        ("behaviour.row_count",),
    ),
    "backward.dense_grad_weights_transposed": (("behaviour.transposed",), ()),
    "backward.dense_bias_keepdims": (("behaviour.reshaped",), ()),
    "backward.dense_bias_not_summed": (("behaviour.not_summed",), ()),
    # summed along each row, keepdims: the catalogue's wrong-axis sum, written this way
    "dense.bias_rows_keepdims": (("backward.dense_bias_wrong_axis",), ()),
    "backward.two_layers_hard_coded": (("behaviour.fixed_layer_count",), ()),
    "backward.reversed_layers": ((), ("behaviour.fixed_layer_count",)),
    "backward.sgd_in_place": (("symptom.read_only",), ()),
    "backward.biases_ignored": (("behaviour.ignores_argument",), ()),
    "backward.grad_batch_max": ((), ("behaviour.large_values",)),
    "backward.softmax_batch_max": ((), ("behaviour.large_values",)),
    "backward.grad_through_probabilities": ((), ("behaviour.large_values",)),
    "backward.classes_written_in": ((), ("behaviour.fixed_input_count", "behaviour.fixed_sizes")),
    "backward.dense_biases_averaged_only": (
        ("behaviour.divided_by_rows",),
        ("behaviour.row_count",),
    ),
    "backward.averaged_twice": (("behaviour.divided_by_rows",), ("behaviour.row_count",)),
    "backward.weights_averaged_twice": (("behaviour.divided_by_rows",), ("behaviour.row_count",)),
    "backward.biases_averaged_twice": (("behaviour.divided_by_rows",), ("behaviour.row_count",)),
    "backward.biases_not_averaged": (("behaviour.sum_not_mean",), ("behaviour.row_count",)),
    "backward.weights_not_averaged": (("behaviour.sum_not_mean",), ("behaviour.row_count",)),
    "backward.first_layer_skipped": ((), ("behaviour.fixed_layer_count",)),
    "backward.weights_of_layer_below": ((), ("behaviour.fixed_layer_count",)),
    "backward.sgd_stacked_layers": (("behaviour.fixed_sizes",), ()),
    "backward.mask_matmul": ((), ("behaviour.fixed_layer_count",)),
    "backward.mask_from_upstream": ((), ("behaviour.fixed_layer_count",)),
    "backward.relu_on_output": ((), ("behaviour.negative_values",)),
    "backward.relu_grad_is_relu": ((), ("behaviour.fixed_layer_count",)),
    "backward.grad_divided_before_onehot": (
        ("behaviour.label_entries_wrong",),
        ("behaviour.row_count",),
    ),
}


def _flavours_true_of_their_family() -> None:
    """A catalogued flavour (a way of writing a misconception) is described as its family."""
    for assignment in ("forward", "backward"):
        for flavour, family in _families(assignment).items():
            if family in TRUE_OF:
                TRUE_OF.setdefault(flavour, TRUE_OF[family])


def catalogue(assignment: str) -> dict[str, dict[str, str]]:
    """The assignment's catalogued mistakes: id -> its exercise, hint and family."""
    from grader.registry import load

    spec = load(assignment)
    family = _families(assignment)
    return {
        m.name: {"exercise": m.exercise, "hint": m.hint, "family": family.get(m.name, m.name)}
        for m in spec.mistakes
    }


def _families(assignment: str) -> dict[str, str]:
    """Catalogued flavours and the misconception each is a way of writing."""
    try:
        module = __import__(f"assignments.{assignment}.mistakes", fromlist=["FLAVOUR_OF"])
    except ImportError:
        return {}
    return dict(getattr(module, "FLAVOUR_OF", {}))


_flavours_true_of_their_family()


def write_ids() -> None:
    """Publish every id a hint may carry, with what it says (benchmarks/hint_ids.json)."""
    data = {
        "behaviour": BEHAVIOUR_IDS,
        "symptom": SYMPTOM_IDS,
        "catalogue": {name: catalogue(name) for name in ("forward", "backward")},
    }
    HINT_IDS.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"wrote {HINT_IDS.relative_to(ROOT)}")


def labels_of(folder: Path) -> dict[str, dict[str, Any]]:
    """The folder's labels as {"main", "true", "wrong"} per file (see the docstring)."""
    if (folder / "ids.json").exists():
        raw = json.loads((folder / "ids.json").read_text())
        return {name: {"main": set(v.get("main", [])), "true": set(v.get("true", [])),
                       "wrong": v.get("wrong"), "error": bool(v.get("error"))}
                for name, v in raw.items() if not name.startswith("_")}  # fmt: skip
    out = {}
    for name, label in json.loads((folder / "labels.json").read_text()).items():
        mistakes: dict[str, list[str]] = label["mistakes"]
        main_key = label["main"].split(":", 1)[1] if label["main"] else None
        main: set[str] = set()
        true: set[str] = set()
        for keys in mistakes.values():
            for key in keys:
                names, also = TRUE_OF.get(key, ((), ()))
                (main if key == main_key else true).update({key, *names})
                true.update(also)
                if key != main_key:
                    true.update(names)
        # Right values in a list pass (the comparison converts them), by design.
        wrong = [f for f, keys in mistakes.items() if set(keys) != {"type.list_result"}]
        out[name] = {"main": main, "true": true, "wrong": wrong, "label": label}
    return out


def ids_in_text(hint: str, hints: dict[str, str]) -> list[str]:
    """For reports written before hints carried ids: the catalogued and symptom hints in it."""
    found = [key for key, text in hints.items() if text in hint]
    found += [key for key, text in SYMPTOM_IDS.items() if text in hint]
    if "not a function" in hint:
        found.append("symptom.name_shadowed")
    if "even when the arguments change" in hint:
        found.append("symptom.answers_written_in")
    return found


def evaluate(
    report: dict[str, Any],
    label: dict[str, Any],
    family: dict[str, str],
    hints: dict[str, str] | None = None,
    calls: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, Any]:
    """One graded file against its label (``hints``: catalogue id -> hint, for old reports).

    A file is buggy when its label names a main mistake or a wrong function (a held-out
    label may name a bug no id can name: it still counts, and can never be "named").
    ``calls`` (exercise -> the exercises it calls): an exercise that calls a wrong one may
    lose points through it, or not, so its score is not judged.
    """
    hints = hints or {}
    calls = calls or {}
    main: set[str] = {family.get(k, k) for k in label["main"]}
    true: set[str] = {family.get(k, k) for k in label["true"]} | main
    wrong = label.get("wrong")
    if label.get("error"):  # meant not to grade: its status is all there is to check
        return {"scores_right": report["status"] == "error", "buggy": False, "main_named": False,
                "some_true": False, "no_hint": False, "misleading": [], "hint_on_correct": False,
                "fired": [], "main": [], "ungradable": True}  # fmt: skip
    scores_right = report["status"] == "graded" or bool(label.get("label", {}).get("import_error"))
    if report["status"] == "graded":
        if wrong is not None:
            for exercise in report["exercises"]:
                name = exercise["name"]
                if name not in wrong and set(calls.get(name, ())) & set(wrong):
                    continue  # may fail through its wrong callee
                if (exercise["score"] == exercise["max_score"]) == (name in wrong):
                    scores_right = False
        else:
            scores_right = (report["score"] == report["max_score"]) == (not main)
    fired: set[str] = set()
    hinted = False
    for test in report["tests"]:
        if test["hint"]:
            hinted = True
            ids = test.get("hint_ids") or ids_in_text(test["hint"], hints)
            fired |= {family.get(k, k) for k in ids} or {"<no id>"}
    buggy = bool(main) or bool(wrong)
    return {
        "scores_right": scores_right,
        "buggy": buggy,
        "main_named": bool(main & fired),
        "some_true": bool(true & fired),
        "no_hint": buggy and not hinted,
        "misleading": sorted(fired - true),
        "hint_on_correct": not buggy and hinted,
        "fired": sorted(fired),
        "main": sorted(main),
    }


def measure(folder: Path, assignment: str, seeds: list[int], sandbox: str, verbose: bool,
            no_catalogue: bool = False) -> None:  # fmt: skip
    if not (folder / "ids.json").exists() and not (folder / "labels.json").exists():
        print(f"{folder}: no ids.json or labels.json, not measured")
        return
    labels = labels_of(folder)
    known = catalogue(assignment)
    family = {k: v["family"] for k, v in known.items()}
    hints = {k: v["hint"] for k, v in known.items()}
    from grader.registry import load as load_assignment

    calls = dict(load_assignment(assignment).calls)
    graded_as: Any = assignment
    if no_catalogue:  # an ablation: what the behaviour hints say on their own
        from dataclasses import replace

        from grader.registry import load

        graded_as = replace(load(assignment), mistakes=(), combine=None)
    rows = []
    with Grader(sandbox=sandbox) as grader:
        for seed in seeds:
            for name, label in sorted(labels.items()):
                report = grade_submission(path=folder / name, seed=seed, grader=grader,
                                          assignment=graded_as)  # fmt: skip
                row = evaluate(report, label, family, hints, calls) | {"file": name, "seed": seed}
                rows.append(row)
                if verbose and (
                    (row["buggy"] and not row["main_named"]) or row["misleading"]
                    or not row["scores_right"] or row["hint_on_correct"]
                ):  # fmt: skip
                    said = f"fired {row['fired']} misleading {row['misleading']}"
                    print(f"  {name} seed {seed}: main {row['main']} {said}"
                          f" scores {row['scores_right']}")  # fmt: skip
    buggy = [r for r in rows if r["buggy"]]
    correct = [r for r in rows if not r["buggy"] and not r.get("ungradable")]

    def pct(part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "-"

    print(f"{folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder} "
          f"[{assignment}]: {len(labels)} files, seeds {seeds}, {len(rows)} gradings")  # fmt: skip
    print(f"  scores right          {pct(sum(r['scores_right'] for r in rows), len(rows))}")
    print(f"  main mistake named    {pct(sum(r['main_named'] for r in buggy), len(buggy))}")
    print(f"  some true hint        {pct(sum(r['some_true'] for r in buggy), len(buggy))}")
    print(f"  buggy, no hint at all {sum(r['no_hint'] for r in buggy)}")
    print(f"  misleading gradings   {sum(bool(r['misleading']) for r in rows)}")
    print(f"  hints on correct      {sum(r['hint_on_correct'] for r in correct)} of {len(correct)}")
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for r in buggy:
        key = ",".join(m for m in r["main"] if not m.startswith(("behaviour.", "symptom.")))
        per[key or ",".join(r["main"])]["files"] += 1
        per[key or ",".join(r["main"])]["named"] += r["main_named"]
    if verbose:
        print("  per main mistake: named / gradings")
        for key in sorted(per):
            print(f"    {key:<44} {per[key]['named']}/{per[key]['files']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    parser.add_argument("--assignment", default=None)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--sandbox", default="auto")
    parser.add_argument("--write-ids", action="store_true")
    parser.add_argument(
        "--no-catalogue",
        action="store_true",
        help="grade without the catalogue: the behaviour hints alone",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.write_ids:
        write_ids()
        return
    folders = [(f.resolve(), args.assignment or f.resolve().name) for f in args.corpus]
    if not folders:  # both halves of each assignment's corpus: tuned, then held out
        for name in [args.assignment] if args.assignment else ["forward", "backward"]:
            for half in (ROOT / "tests" / "corpus" / name, ROOT / "tests" / "heldout" / name):
                if half.is_dir():
                    folders.append((half, name))
    for folder, assignment in folders:
        measure(folder, assignment, args.seeds, args.sandbox, args.verbose, args.no_catalogue)


if __name__ == "__main__":
    main()
