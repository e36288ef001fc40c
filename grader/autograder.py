"""What a Gradescope bundle's ``run_autograder`` runs for each submission.

``python -m grader.autograder SUBMISSION_FOLDER --course SOURCE --assignment REF -o
results.json``: the student's folder is resolved to one file as a batch resolves a
student's folder (``discover.student_file``: the file the assignment names, else the only
``.py`` or ``.ipynb`` file, else the one that defines its functions, in any sub-folder),
then graded in the strongest sandbox tier available into Gradescope's results.json.
A folder with nothing to grade, or with several candidates, gets results that say what
to hand in. The seed comes from ``GRADER_SEED``. Exit status 0 whenever results were
written (whatever the score), else 1; messages go to stderr, one line each.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import registry
from .discover import student_file
from .errors import GraderError
from .formats import write_report
from .grade import grade_file, max_score_of, unreadable_report
from .sandbox import Limits
from .submission import SUFFIXES
from .text import clean


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m grader.autograder")
    parser.add_argument("submission", type=Path, help="the folder Gradescope put the work in")
    parser.add_argument("--course", type=Path, required=True,
                        help="the course folder the assignment is loaded from")  # fmt: skip
    parser.add_argument("--assignment", required=True)
    parser.add_argument("--timeout", type=float, default=Limits.call_timeout)
    parser.add_argument("-o", "--output", required=True)
    return parser.parse_args(argv)


def _seed() -> int:
    text = os.environ.get("GRADER_SEED", "0")
    if not text.isdigit():
        raise GraderError(f"GRADER_SEED must be a whole number of 0 or more (got {text!r})")
    return int(text)


def run(folder: Path, *, course: Path, assignment: str, timeout: float, output: str) -> None:
    """Grade the student's ``folder`` against ``assignment`` into ``output`` (results.json).

    Raises GraderError (a report written when there was one to write) when grading did not
    happen: the caller says so on stderr.
    """
    seed = _seed()
    os.chdir(course)  # the course folder: its assignments/ and what they load (registry)
    spec = registry.choose_for([], assignment).assignment
    wanted = spec.submission_name
    picked, problem = student_file(folder, spec)
    if picked is None:
        kinds = " or ".join(SUFFIXES)
        problem = f"there is no {kinds} file in your submission: hand in {wanted}"
    if problem is not None:
        refused = unreadable_report(path=folder, reason=problem, assignment=spec.name,
                                    seed=seed, max_score=max_score_of(spec))  # fmt: skip
        write_report(refused, output=output, fmt="gradescope")
        print(f"Not graded: {problem}", file=sys.stderr)
        return
    assert picked is not None
    print(f"Grading {clean(str(picked.relative_to(folder)))} against assignment "
          f"{spec.name!r}", file=sys.stderr)  # fmt: skip
    grade_file(submission=picked, output=output, fmt="gradescope", seed=seed, timeout=timeout,
               sandbox="auto", assignment=spec, on_fallback=_warn)  # fmt: skip


def _warn(message: str) -> None:
    print(f"Warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    try:
        run(arguments.submission.absolute(), course=arguments.course.absolute(),
            assignment=arguments.assignment, timeout=arguments.timeout,
            output=arguments.output)  # fmt: skip
    except GraderError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 0 if Path(arguments.output).is_file() else 1
    except Exception as exc:  # a bug of ours: one line, and run_autograder writes results
        print(f"Error: internal error ({type(exc).__name__}: {exc}); please report this",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
