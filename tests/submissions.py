"""Submissions made from the reference and the mistakes catalogue, for tests and benchmarks.

No pytest here: the benchmark scripts build their classes with these helpers too.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = (ROOT / "solutions" / "forward.py").read_text()
STUB = (ROOT / "exercises" / "forward.py").read_text()
LOOP_IN_SOFTMAX = "def softmax(z):\n    while True:\n        pass\n"


def with_replaced(**functions: str) -> str:
    """The reference source with some functions replaced by the given code.

    The reference's own version stays, renamed, so that other functions that
    call it (forward calls hidden_layer) keep working and lose no points.
    """
    source = REFERENCE
    for name, code in functions.items():
        source = re.sub(rf"\b{name}\(", f"_reference_{name}(", source)
        source += "\n\n" + textwrap.dedent(code).strip() + "\n"
    return source


def as_submission(exercise: str, function: object) -> str:
    """A mistake's implementation, renamed to the exercise, in place of the reference's."""
    source = inspect.getsource(function)  # type: ignore[arg-type]
    name = function.__name__  # type: ignore[attr-defined]
    return with_replaced(**{exercise: source.replace(f"def {name}(", f"def {exercise}(", 1)})


def attack_source(path: Path) -> str:
    """An attack file's text, with the helpers it says it uses (``# uses: support/x.py``)."""
    code = path.read_text()
    for used in re.findall(r"^# uses: (\S+)", code, flags=re.MULTILINE):
        code = (path.parent / used).read_text() + "\n\n" + code
    return code


def make_class(folder: Path, n: int, *, loops: float = 0.0, hostile: bool = False) -> Path:
    """``n`` submissions: correct, buggy (each catalogued mistake in turn), stubs, broken,
    and a share ``loops`` whose softmax never returns; ``hostile`` adds the attack suite's
    submissions in turn. Each file differs (a comment), as students' files do."""
    from assignments.forward.mistakes import EXAMPLES, MISTAKES

    examples = [(m.exercise, EXAMPLES[m.id]) for m in MISTAKES if m.id in EXAMPLES]

    attacks = sorted((ROOT / "tests" / "attacks").glob("*.py")) if hostile else []
    folder.mkdir(parents=True, exist_ok=True)
    looping = round(n * loops)
    for k in range(n):
        if k < looping:
            text = with_replaced(softmax=LOOP_IN_SOFTMAX)
        elif attacks and k % 10 == 9:
            text = REFERENCE + "\n" + attack_source(attacks[(k // 10) % len(attacks)])
        elif k % 20 < 9:
            text = REFERENCE
        elif k % 20 < 16:
            exercise, example = examples[k % len(examples)]
            text = as_submission(exercise, example)
        elif k % 20 < 18:
            text = STUB
        else:
            text = "def relu(x)\n    return x\n" if k % 2 else "import no_such_module\n"
        (folder / f"student{k:04d}.py").write_text(f"# student {k}\n{text}")
    return folder
