"""Schema validators generated ahead of time: a grade does not compile its schema.

fastjsonschema turns a JSON schema into Python code; generating and compiling that code
costs about 20 ms per process, on the critical path of every single grade. The modules
here hold the code generated from the schemas in ``grader/schemas`` (and, byte-compiled
at install, load in about a millisecond). Each names the SHA-256 of the schema text it
was generated from and is used only while the shipped schema still has that hash; a
schema edited since falls back to compiling at run time (correct, only slower) until
``python -m grader.validators.generate`` regenerates them (tests/test_validators.py checks they
are current).
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from typing import Any

# The schemas validated once per submission, or once per class at its end.
GENERATED = ("report", "gradescope", "summary", "similarity")


def module_name(schema: str) -> str:
    return f"{__name__}.{schema.replace('-', '_')}"


def shipped(schema: str, text: str) -> Callable[[Any], Any] | None:
    """The validator generated from exactly ``text`` (schema ``schema``), else None."""
    if schema not in GENERATED:
        return None
    try:
        module = importlib.import_module(module_name(schema))
    except ImportError:
        return None
    if getattr(module, "SCHEMA_SHA256", None) != hashlib.sha256(text.encode()).hexdigest():
        return None
    found: Callable[[Any], Any] = module.validate
    return found
