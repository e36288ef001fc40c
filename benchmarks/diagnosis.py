"""How well the diagnosis names real students' misconceptions: the labelled corpus, graded.

    python benchmarks/diagnosis.py [--seeds 0 1 2] [--sandbox auto] [-v]

Grades every file of tests/corpus/ (written as students would, independently of
the catalogue) at each seed and compares what the report says with the file's
labels (tests/corpus/labels.json). Prints, overall and per misconception:

* scores right: every exercise has full marks exactly when its function is correct;
* recall: the file's main misconception is named in a hint of its exercise;
* any-mistake recall: at least one of the file's misconceptions is named;
* both named: for files with two mistakes, both are named;
* misleading: a hint names a misconception the file does not have;
* false hints: a hint on a test of a correct function.
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

from assignments.forward.mistakes import HINTS, misconception  # noqa: E402
from grader.diagnose import COURSE_ONLY, ERROR_HINTS  # noqa: E402
from grader.grade import Grader, grade_submission  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
EXERCISE = {"loss": "cross_entropy_loss"}
# What a symptom's hint names, when no catalogued combination explained the behaviour.
SYMPTOMS = {
    "read-only": {"relu.in_place", "softmax.in_place"},
    "OverflowError": {"loss.math_overflow", "softmax.no_shift", "loss.unstable_log"},
    "object is not callable": {"module.name_shadowed"},
    "truth value of an array": {"relu.scalar_only"},
}


def named(hint: str, exercise: str) -> set[str]:
    """The misconception ids a hint on a test of ``exercise`` names."""
    found = {misconception(key) for key, text in HINTS.items() if text in hint}
    if "not a function" in hint:  # a name rebound to a value at module level
        found.add("module.name_shadowed")
    if COURSE_ONLY in hint:
        found.add("forward.hard_coded")
    for marker, text in ERROR_HINTS:
        if text in hint:
            found |= {
                k
                for k in SYMPTOMS.get(marker, set())
                if exercise_of(k) == exercise or k.startswith(("module.", "type."))
            }
    if "calls your relu" in hint:
        found.add("hidden_layer.broken_relu_dependency")
    return found


def exercise_of(key: str) -> str:
    prefix = key.split(".")[0]
    return EXERCISE.get(prefix, prefix)


def evaluate(report: dict[str, Any], label: dict[str, Any]) -> dict[str, Any]:
    """One graded file against its label."""
    mistakes: dict[str, list[str]] = label["mistakes"]
    # Right values in a list pass (the comparison converts them), by design.
    wrong = {f for f, keys in mistakes.items() if set(keys) != {"type.list_result"}}
    scores_right = report["status"] == "graded" or bool(label.get("import_error"))
    for exercise in report["exercises"]:
        full = exercise["score"] == exercise["max_score"]
        if full == (exercise["name"] in wrong):
            scores_right = False
    hints: dict[str, set[str]] = defaultdict(set)
    false_hint = False
    for test in report["tests"]:
        if test["hint"]:
            hints[test["exercise"]] |= named(test["hint"], test["exercise"]) or {"<unnamed>"}
            if test["exercise"] not in wrong:
                false_hint = True
    labelled = {k for keys in mistakes.values() for k in keys}
    all_named = {k for ks in hints.values() for k in ks} - {"<unnamed>"}
    main = label["main"].split(":", 1)[1] if label["main"] else None
    return {
        "scores_right": scores_right,
        "main": main,
        "main_named": main is not None and main in all_named,
        "any_named": bool(labelled & all_named),
        "both_named": len(labelled) >= 2 and len(labelled & all_named) >= 2,
        "two": len(labelled) >= 2,
        "misleading": sorted(all_named - labelled),
        "false_hint": false_hint and not labelled,
        "named": sorted(all_named),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--sandbox", default="auto")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    labels = json.loads((CORPUS / "labels.json").read_text())
    rows = []
    with Grader(sandbox=args.sandbox) as grader:
        for seed in args.seeds:
            for name, label in sorted(labels.items()):
                report = grade_submission(path=CORPUS / name, seed=seed, grader=grader)
                result = evaluate(report, label) | {"file": name, "seed": seed}
                rows.append(result)
                if args.verbose and (
                    (not result["main_named"] and result["main"])
                    or result["misleading"]
                    or not result["scores_right"]
                ):
                    print(
                        f"{name} seed {seed}: main {result['main']} named {result['named']}"
                        f" misleading {result['misleading']} scores {result['scores_right']}"
                    )
    buggy = [r for r in rows if r["main"]]
    two = [r for r in rows if r["two"]]
    correct = [r for r in rows if not r["main"]]

    def pct(part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "-"

    print(f"files {len(labels)}, seeds {args.seeds}, gradings {len(rows)}")
    print(f"scores right        {pct(sum(r['scores_right'] for r in rows), len(rows))}")
    print(f"main named (recall) {pct(sum(r['main_named'] for r in buggy), len(buggy))}")
    print(f"any mistake named   {pct(sum(r['any_named'] for r in buggy), len(buggy))}")
    print(f"both named (2 bugs) {pct(sum(r['both_named'] for r in two), len(two))}")
    print(f"misleading hints    {sum(bool(r['misleading']) for r in rows)} gradings")
    print(
        f"false hints         {sum(r['false_hint'] for r in correct)} of {len(correct)} "
        "correct gradings"
    )
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for r in buggy:
        per[r["main"]]["files"] += 1
        per[r["main"]]["named"] += r["main_named"]
    print("\nper main misconception: named / gradings")
    for key in sorted(per):
        print(f"  {key:<40} {per[key]['named']}/{per[key]['files']}")


if __name__ == "__main__":
    main()
