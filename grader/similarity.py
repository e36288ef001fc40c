"""Similarity across a class: which submissions share code beyond the stub, a signal for a person.

Each submission is parsed with ``ast`` (never run) and turned into fingerprints that do
not change when a student renames things, reformats, rewrites comments, or reorders
functions or statements:

- every function (a method too) is its own *unit*, the code outside functions one more,
  so the order of functions does not matter and no fingerprint spans two functions;
- a unit is a stream of tokens from its syntax tree: node kinds, operators, numbers,
  attribute and keyword names (``np.maximum``, ``axis=``) and the builtins and imported
  functions it calls; every other name is a placeholder (a function of the file ``F``, a
  module ``M``, anything else ``V``); strings are ``S``; docstrings and comments are gone;
- the statements of each block are put in a canonical order (by their own tokens), so
  two statements swapped read the same;
- a unit's fingerprints are the hashes of its k-grams of tokens chosen by winnowing
  (Schleimer, Wilkerson and Aiken, SIGMOD 2003), each remembering the lines it covers.

The stub every student received (generated from the assignment) gives fingerprints that
count for nobody, and so does code nearly the whole class shares (more than three quarters
of it, and more than ``COMMON_AT_LEAST`` submissions): an idiom everybody writes is no
evidence, while a file that half the class copied still shows. A
fingerprint shared by few submissions weighs more than one shared by many (its weight is
``log(1 + n / df)``), and a pair's score is the weighted Dice coefficient of their
fingerprints, 0 to 1. Pairs at or above ``THRESHOLD`` are *flagged*; the clusters are the
connected groups of flagged pairs. No score of a report changes: a person looks.

Submissions are hostile: only the first ``MAX_CHARS`` characters are compared, at most
``MAX_TOKENS`` tokens each, and code that cannot be parsed is left out with its reason.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

K = 8  # tokens per k-gram: about one and a half statements
WINDOW = 4  # winnowing window: at least one fingerprint in every K + WINDOW - 1 tokens
THRESHOLD = 0.75  # a pair scoring at least this is flagged and joins a cluster
LISTED = 0.2  # pairs below this are not listed at all
MAX_PAIRS = 200  # pairs kept, most similar first; every flagged pair is, however many
# Code in more submissions than COMMON_AT_LEAST and than COMMON_SHARE of the class is common.
# 3/4 rather than 1/2: measured on 10 classes of 40 (tests/test_similarity.py), the lowest
# copy pair scores 0.84 against 0.76, the highest honest pair 0.67 against 0.65.
COMMON_AT_LEAST = 10
COMMON_SHARE = 0.75
MAX_CHARS = 200_000  # characters of a submission compared
MAX_TOKENS = 50_000  # tokens of a submission fingerprinted
MIN_WEIGHT = 1e-9

_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_BUILTINS = frozenset(dir(builtins))
_SKIPPED = (ast.expr_context, ast.arguments)

Token = tuple[str, int]  # the token, and the source line it comes from


@dataclass(frozen=True)
class Fingerprints:
    """One submission's fingerprints, each with the source lines it covers."""

    ident: str
    text: str  # the code compared (what a side-by-side view shows)
    lines: dict[int, frozenset[int]] = field(default_factory=dict)
    problem: str | None = None  # why it could not be compared
    # every k-gram's lines (not only the fingerprints'): to mark shared code, and the stub
    every: dict[int, frozenset[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Pair:
    """Two submissions, their score and the lines of each that the other shares."""

    a: str
    b: str
    score: float
    lines_a: tuple[int, ...] = ()
    lines_b: tuple[int, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.score >= THRESHOLD


@dataclass(frozen=True)
class Similarity:
    """What comparing a class found: pairs (most similar first) and clusters."""

    pairs: tuple[Pair, ...]
    clusters: tuple[tuple[str, ...], ...]
    compared: tuple[str, ...]
    left_out: dict[str, str] = field(default_factory=dict)  # id -> why it was not compared
    stub: bool = False  # whether the assignment's stub was discounted

    @classmethod
    def from_dict(cls, document: dict[str, Any]) -> Similarity:
        """A similarity.json read back (its pairs' lines from their spans)."""

        def lines(spans: list[list[int]]) -> tuple[int, ...]:
            return tuple(n for first, last in spans for n in range(first, last + 1))

        pairs = tuple(Pair(p["a"], p["b"], p["score"], lines(p.get("lines_a", [])),
                           lines(p.get("lines_b", []))) for p in document["pairs"])  # fmt: skip
        return cls(pairs, tuple(tuple(c["ids"]) for c in document["clusters"]),
                   tuple(document["compared"]),
                   {i["id"]: i["reason"] for i in document["left_out"]},
                   document["method"]["stub_discounted"])  # fmt: skip

    def flagged(self) -> list[Pair]:
        return [p for p in self.pairs if p.flagged]

    def partners(self, ident: str) -> list[Pair]:
        """The flagged pairs ``ident`` is in, most similar first."""
        return [p for p in self.flagged() if ident in (p.a, p.b)]

    def to_dict(self, assignment: str, generated_at: str) -> dict[str, object]:
        """similarity.json (``schemas/similarity.schema.json``)."""
        from . import __version__
        from .report import SCHEMA_VERSION

        return {
            "schema_version": SCHEMA_VERSION,
            "assignment": assignment,
            "grader_version": __version__,
            "generated_at": generated_at,
            "method": {
                "k": K,
                "window": WINDOW,
                "threshold": THRESHOLD,
                "stub_discounted": self.stub,
            },
            "compared": list(self.compared),
            "left_out": [{"id": i, "reason": r} for i, r in self.left_out.items()],
            "clusters": [{"ids": list(c), "score": _cluster_score(self, c)} for c in self.clusters],
            "pairs": [_pair_dict(p) for p in self.pairs],
        }


def _pair_dict(pair: Pair) -> dict[str, object]:
    return {"a": pair.a, "b": pair.b, "score": round(pair.score, 4), "flagged": pair.flagged,
            "lines_a": _spans(pair.lines_a), "lines_b": _spans(pair.lines_b)}  # fmt: skip


def _cluster_score(similarity: Similarity, cluster: Sequence[str]) -> float:
    members = set(cluster)
    scores = [p.score for p in similarity.pairs if p.a in members and p.b in members]
    return round(max(scores, default=0.0), 4)


def _spans(lines: Sequence[int]) -> list[list[int]]:
    """Sorted line numbers as [first, last] runs."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    return spans


# --- Fingerprints -------------------------------------------------------------------------


class _Names:
    """How a name reads in the token stream: kept when it says what is called, else a role."""

    def __init__(self, tree: ast.Module) -> None:
        self.roles: dict[str, str] = {}
        for node in tree.body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.roles[alias.asname or alias.name.partition(".")[0]] = "M"
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:  # from numpy import exp as e: still exp
                    self.roles[alias.asname or alias.name] = f"I:{alias.name}"
            elif isinstance(node, (*_FUNCTIONS, ast.ClassDef)):
                self.roles[node.name] = "F"

    def __call__(self, name: str) -> str:
        if name in self.roles:
            return self.roles[name]
        return f"B:{name}" if name in _BUILTINS else "V"


def _token(node: ast.AST, names: _Names) -> str | None:
    if isinstance(node, ast.Name):
        return names(node.id)
    if isinstance(node, ast.Attribute):
        return "." + node.attr
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, str):
            return "S"
        if isinstance(value, bytes):
            return "Y"
        if isinstance(value, bool) or value is None or value is Ellipsis:
            return repr(value)
        return "C" + (repr(value) if abs(value) < 1e6 else "big")
    if isinstance(node, ast.keyword):
        return f"kw:{node.arg}"
    if isinstance(node, ast.alias):
        return f"import:{node.name}"
    if isinstance(node, ast.ImportFrom):
        return f"from:{node.module}"
    if isinstance(node, ast.arg):
        return "A"
    if isinstance(node, _SKIPPED):
        return None
    return type(node).__name__


def _expression(node: ast.AST, line: int, names: _Names, out: list[Token]) -> None:
    """The tokens of an expression (or any node without blocks), preorder, without recursion."""
    stack = [(node, line)]
    while stack:
        current, where = stack.pop()
        where = getattr(current, "lineno", where)
        token = _token(current, names)
        if token is not None:
            out.append((token, where))
        children = list(ast.iter_child_nodes(current))
        stack.extend((child, where) for child in reversed(children))


def _is_text(node: ast.AST) -> bool:
    """A docstring, or a string on its own line: prose, not code."""
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _statement(node: ast.AST, line: int, names: _Names) -> list[Token]:
    """A statement's tokens: its own, then each of its blocks in canonical order."""
    line = getattr(node, "lineno", line)
    token = _token(node, names)
    out: list[Token] = [(token, line)] if token else []
    for name, value in ast.iter_fields(node):
        if name in _BLOCKS and isinstance(value, list):
            out.append(("{", line))
            out += _block(value, line, names)
            out.append(("}", line))
        elif isinstance(value, ast.AST):
            _expression(value, line, names, out)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST):
                    _expression(item, line, names, out)
    return out


def _block(statements: Iterable[ast.AST], line: int, names: _Names) -> list[Token]:
    """A block's statements, each tokenised, in an order that does not depend on theirs."""
    parts = [_statement(s, line, names) for s in statements if not _is_text(s)]
    parts.sort(key=lambda tokens: [t for t, _ in tokens])
    return [token for part in parts for token in part]


def _units(tree: ast.Module) -> Iterator[list[ast.AST]]:
    """Each function and method alone, then whatever else the module holds, together."""
    rest: list[ast.AST] = []
    for node in tree.body:
        if isinstance(node, _FUNCTIONS):
            yield [node]
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, _FUNCTIONS):
                    yield [item]
            rest += [item for item in node.body if not isinstance(item, _FUNCTIONS)]
        else:
            rest.append(node)
    if rest:
        yield rest


def _hash(tokens: Sequence[str]) -> int:
    digest = hashlib.blake2b("\x1f".join(tokens).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


def _winnow(hashes: Sequence[int]) -> list[int]:
    """Indexes of the hashes winnowing keeps: each window's smallest (the rightmost on ties)."""
    if len(hashes) <= WINDOW:
        return [min(range(len(hashes)), key=lambda i: (hashes[i], -i))] if hashes else []
    chosen: list[int] = []
    for start in range(len(hashes) - WINDOW + 1):
        best = min(range(start, start + WINDOW), key=lambda i: (hashes[i], -i))
        if not chosen or chosen[-1] != best:
            chosen.append(best)
    return chosen


def _unit_prints(tokens: Sequence[Token]) -> Iterator[tuple[int, frozenset[int], bool]]:
    """Every k-gram's hash and lines, and whether winnowing keeps it as a fingerprint."""
    words = [t for t, _ in tokens]
    if len(words) <= K:  # a short unit is one fingerprint, whole
        yield _hash(words), frozenset(line for _, line in tokens), True
        return
    hashes = [_hash(words[i : i + K]) for i in range(len(words) - K + 1)]
    kept = set(_winnow(hashes))
    for index, value in enumerate(hashes):
        yield value, frozenset(line for _, line in tokens[index : index + K]), index in kept


def fingerprint(ident: str, text: str, boilerplate: frozenset[int] = frozenset()) -> Fingerprints:
    """The fingerprints of one submission's code, less those of ``boilerplate`` (the stub)."""
    if len(text) > MAX_CHARS:  # cut at a line's end, so that what is kept still parses
        text = text[: text.rfind("\n", 0, MAX_CHARS) + 1]
    try:
        tree = ast.parse(text)
        names = _Names(tree)
        lines: dict[int, set[int]] = defaultdict(set)
        every: dict[int, set[int]] = defaultdict(set)
        count = 0
        for unit in _units(tree):
            tokens = _block(unit, 1, names)
            count += len(tokens)
            if count > MAX_TOKENS:
                return Fingerprints(ident, text, problem="too much code to compare")
            for value, covered, kept in _unit_prints(tokens):
                if value not in boilerplate:
                    every[value] |= covered
                    if kept:
                        lines[value] |= covered
    except SyntaxError as exc:
        return Fingerprints(ident, text, problem=f"not valid Python (line {exc.lineno})")
    except (ValueError, RecursionError, MemoryError, OverflowError):
        return Fingerprints(ident, text, problem="cannot be parsed (nested too deeply?)")
    return Fingerprints(ident, text, {k: frozenset(v) for k, v in lines.items()},
                        every={k: frozenset(v) for k, v in every.items()})  # fmt: skip


def boilerplate_of(texts: Iterable[str]) -> frozenset[int]:
    """The fingerprints of code every student received (the stub, the stub notebook)."""
    found: set[int] = set()
    for text in texts:  # every k-gram: winnowing may keep other ones of a student's file
        found |= set(fingerprint("stub", text).every)
    return frozenset(found)


# --- Comparison -----------------------------------------------------------------------------


def compare(submissions: Sequence[Fingerprints], *, stub: bool = False) -> Similarity:
    """Pairs of submissions by weighted shared fingerprints, and the clusters they form."""
    usable = [s for s in submissions if s.problem is None and s.lines]
    left_out = {s.ident: s.problem or "no code beyond the stub" for s in submissions
                if s.problem is not None or not s.lines}  # fmt: skip
    holders: dict[int, list[int]] = defaultdict(list)
    for index, submission in enumerate(usable):
        for value in submission.lines:
            holders[value].append(index)
    count = len(usable)
    common = max(COMMON_AT_LEAST, int(count * COMMON_SHARE))
    weight = {v: math.log1p(count / len(h)) for v, h in holders.items() if len(h) <= common}
    totals = [sum(weight.get(v, 0.0) for v in s.lines) for s in usable]
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for value, owners in holders.items():
        if value in weight and len(owners) > 1:
            for pair in combinations(owners, 2):
                shared[pair] += weight[value]
    pairs = []
    for (i, j), together in shared.items():
        total = totals[i] + totals[j]
        score = min(1.0, 2 * together / total) if total > MIN_WEIGHT else 0.0
        if score >= LISTED:
            pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], usable[p[1]].ident, usable[p[2]].ident))
    flagged = sum(score >= THRESHOLD for score, _, _ in pairs)  # all of them, however many
    kept = pairs[: max(MAX_PAIRS, flagged)]
    listed = tuple(_pair(usable[i], usable[j], score) for score, i, j in kept)
    return Similarity(listed, _clusters(listed), tuple(s.ident for s in usable), left_out, stub)


def _pair(a: Fingerprints, b: Fingerprints, score: float) -> Pair:
    both = [v for v in a.every if v in b.every]  # every shared k-gram: whole passages
    lines_a = sorted(set().union(*(a.every[v] for v in both)))
    lines_b = sorted(set().union(*(b.every[v] for v in both)))
    return Pair(a.ident, b.ident, score, tuple(lines_a), tuple(lines_b))


def _clusters(pairs: Sequence[Pair]) -> tuple[tuple[str, ...], ...]:
    """Connected groups of flagged pairs, the most similar group first."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[str, float] = {}
    for pair in pairs:
        if pair.flagged:
            parent[root(pair.a)] = root(pair.b)
    groups: dict[str, list[str]] = defaultdict(list)
    for member in list(parent):
        groups[root(member)].append(member)
    for pair in pairs:
        if pair.flagged:
            key = root(pair.a)
            best[key] = max(best.get(key, 0.0), pair.score)
    ordered = sorted(groups, key=lambda g: (-best[g], -len(groups[g]), min(groups[g])))
    return tuple(tuple(sorted(groups[g])) for g in ordered)
