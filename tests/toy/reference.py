"""The toy assignment's reference: words and numbers, no numpy needed."""

from __future__ import annotations


def word_counts(text: str) -> dict[str, int]:
    """How often each word occurs, case ignored."""
    counts: dict[str, int] = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def shout(text: str) -> str:
    """The text in capitals."""
    return text.upper()


def stats(numbers: list[float]) -> tuple[float, float, list[float]]:
    """The smallest and the largest of some numbers, and all of them in order."""
    return min(numbers), max(numbers), sorted(numbers)


def is_palindrome(text: str) -> bool:
    """Whether the text reads the same backwards, case ignored."""
    return text.lower() == text.lower()[::-1]
