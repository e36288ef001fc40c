"""A tiny assignment that has nothing to do with neural networks: text and numbers.

The engine suite (tests/test_engine_toy.py) grades against it by path, so it proves
that the engine needs nothing from the course's assignments: structured results
(a dict, a tuple, text, a bool), an exercise with its own comparison, named tuple
parts, visible and hidden cases from a seed, and a catalogued mistake with its hint.
"""

from __future__ import annotations

import random

from grader.spec import Assignment, Case, Exercise, Mistake

from . import reference


def same_words(expected: object, returned: object) -> tuple[bool, str]:
    """Its own comparison: the same words, whatever their case and spacing."""
    if not isinstance(returned, str):
        return False, f"returned a {type(returned).__name__}, expected text"
    if returned.lower().split() == str(expected).lower().split():
        return True, "passed"
    return False, "the words differ"


EXERCISES = (
    Exercise("word_counts", 40),
    Exercise("shout", 20, compare=same_words),
    Exercise("stats", 30, parts=("smallest", "largest", "ordered")),
    Exercise("is_palindrome", 10),
)


def word_counts_no_lower(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


MISTAKES = (
    Mistake("word_counts", word_counts_no_lower,
            "Count words without regard to case: lower() each word first.", "toy.case"),
)  # fmt: skip


def make_cases(seed: int) -> list[Case]:
    rng = random.Random(seed)
    words = ["Apple", "apple", "pear", "Plum", "plum", "plum", "fig"]
    text = " ".join(rng.choice(words) for _ in range(12))
    numbers = [round(rng.uniform(-10, 10), 2) for _ in range(7)]
    return [
        Case("word_counts/example", "word_counts", ("the The cat",), "visible"),
        Case("word_counts/random", "word_counts", (text,)),
        Case("shout/example", "shout", ("hello world",), "visible"),
        Case("shout/random", "shout", (text,)),
        Case("stats/example", "stats", ([1.0, 2.0, 6.0],), "visible"),
        Case("stats/random", "stats", (numbers,)),
        Case("is_palindrome/example", "is_palindrome", ("Level",), "visible"),
        Case("is_palindrome/random", "is_palindrome", (text,)),
    ]


ASSIGNMENT = Assignment(
    name="toy",
    title="A toy assignment",
    exercises=EXERCISES,
    reference={e.name: getattr(reference, e.name) for e in EXERCISES},
    make_cases=make_cases,
    tips={"word_counts": "Split the text on spaces and count each lower-cased word."},
    mistakes=MISTAKES,
    filename="words.py",
    packages=(),
)
