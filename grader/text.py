"""Student text, cleaned once where it enters the grader, and encoded for each destination.

Everything a submission can say (messages, tracebacks, printed output, type
names, file names) passes through ``clean`` at the boundary: afterwards it is
valid UTF-8 (no lone surrogates), holds no terminal escape sequence and no
control character but newline and tab, and has a bounded length. What each
destination still needs on top (CSV formula prefixes, HTML, XML) is done by the
writer for that destination with the helpers below.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

MAX_TEXT = 2000
# ANSI/VT escape sequences (CSI, OSC, and two-character escapes), then any other control
# character except newline and tab, C1 controls included, the two non-characters XML
# forbids, and the bidirectional overrides that can make a line display in another order.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean(text: str, limit: int | None = MAX_TEXT) -> str:
    """Student text made safe for any destination: no escapes, no controls, valid UTF-8, short."""
    if limit is not None and len(text) > 4 * limit:  # bound the work before the regexes run
        text = text[: 4 * limit]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("\ufffd", text)
    text = _SURROGATES.sub("\ufffd", text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 4] + " ..."
    return text


def fit(text: str, budget: int) -> str:
    """Text cut to at most ``budget`` bytes however it is written (UTF-8, or ASCII JSON)."""
    if len(text) * 12 <= budget or size(text) <= budget:
        return text
    if budget < len(" ..."):
        return ""
    room, cut = budget - len(" ..."), 0
    for cut, char in enumerate(text):  # noqa: B007 - cut is where the budget ran out
        room -= _cost(char)
        if room < 0:
            break
    return text[:cut] + " ..."


def size(text: str) -> int:
    """Bytes ``text`` takes however we write it: its length in ASCII JSON (UTF-8 is never more)."""
    return len(json.dumps(text)) - 2


def _cost(char: str) -> int:
    """Bytes one character takes in ASCII JSON, the costliest encoding we write (UTF-8: <= 4)."""
    if " " <= char <= "~":
        return 2 if char in '"\\' else 1
    if char in "\n\t\r\b\f":
        return 2
    return 12 if ord(char) > 0xFFFF else 6  # \uXXXX, or a surrogate pair of them


def decode(data: bytes, limit: int | None = MAX_TEXT) -> str:
    """Bytes a submission produced, decoded leniently and cleaned."""
    return clean(data.decode("utf-8", errors="replace"), limit)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: object) -> object:
    """A value for a spreadsheet cell: text that a spreadsheet would run as a formula is quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(values: Iterable[object], limit: int | None = MAX_TEXT) -> list[object]:
    """A CSV row safe to open in a spreadsheet: every text cell cleaned, then guarded."""
    return [csv_cell(clean(v, limit)) if isinstance(v, str) else v for v in values]


def valid_unicode(document: Any) -> Any:
    """A JSON-like document whose strings (keys too) hold no lone surrogate: UTF-8 can hold it."""
    if isinstance(document, str):
        return _SURROGATES.sub("\ufffd", document)
    if isinstance(document, dict):
        return {valid_unicode(k): valid_unicode(v) for k, v in document.items()}
    if isinstance(document, (list, tuple)):
        return [valid_unicode(v) for v in document]
    return document
