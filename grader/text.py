"""Student text, cleaned once where it enters the grader, and encoded for each destination.

Everything a submission can say (messages, tracebacks, printed output, type
names, file names) passes through ``clean`` at the boundary: afterwards it is
valid UTF-8 (no lone surrogates), holds no terminal escape sequence and no
control character but newline and tab, and has a bounded length. What each
destination still needs on top (CSV formula prefixes, HTML, XML) is done by the
writer for that destination with the helpers below.
"""

from __future__ import annotations

import re

MAX_TEXT = 2000
# ANSI/VT escape sequences (CSI, OSC, and two-character escapes), then any other control
# character except newline and tab, C1 controls included.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
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


def decode(data: bytes, limit: int | None = MAX_TEXT) -> str:
    """Bytes a submission produced, decoded leniently and cleaned."""
    return clean(data.decode("utf-8", errors="replace"), limit)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: object) -> object:
    """A value for a spreadsheet cell: text that a spreadsheet would run as a formula is quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
