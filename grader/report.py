"""The report: its schema, its validation, and writing it atomically.

Every JSON document the grader writes goes through ``write_json``, which
validates it against the named schema shipped in ``grader/schemas`` first.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from .errors import GraderError, UsageError
from .text import valid_unicode

SCHEMA_VERSION = "1.0"


@functools.cache
def schema_text(name: str) -> str:
    try:  # the package's own folder (a kit's engine has its own name): read directly, as
        # importlib.resources would, without its readers (zipfile...: ~5 ms of a grade)
        return (Path(__file__).parent / "schemas" / f"{name}.schema.json").read_text("utf-8")
    except (FileNotFoundError, NotADirectoryError):  # installed in an archive
        from importlib import resources

        folder = resources.files(__package__ or "grader")
        return folder.joinpath(f"schemas/{name}.schema.json").read_text()


@functools.cache
def schema(name: str) -> dict[str, Any]:
    """A published schema by name: report, summary, gradescope, lti-scores."""
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


@functools.cache
def _compiled(name: str) -> Any:
    # fastjsonschema compiles the schema to Python once: about 20 times faster than
    # jsonschema per report, which matters when a class is graded. The code it generates
    # for the schemas used per submission ships with the engine (grader/validators).
    from .validators import shipped

    found = shipped(name, schema_text(name))
    if found is not None:
        return found
    import fastjsonschema

    return fastjsonschema.compile(schema(name))


def warm_validator(name: str) -> None:
    """Compile the validator now, while something else runs."""
    _compiled(name)


def validate(document: Any, name: str) -> None:
    """Raise GraderError if ``document`` does not follow schema ``name``."""
    import fastjsonschema

    try:
        _compiled(name)(document)
    except fastjsonschema.JsonSchemaException as fast:
        # Rare: ask the reference implementation for the clearest message.
        from jsonschema import Draft202012Validator

        errors = sorted(Draft202012Validator(schema(name)).iter_errors(document),
                        key=lambda e: list(e.path))  # fmt: skip
        if not errors:
            raise GraderError(f"the {name} document is invalid: {fast}") from None
        where = "/".join(str(p) for p in errors[0].path) or "(top level)"
        raise GraderError(
            f"the {name} document is invalid at {where}: {errors[0].message}"
        ) from None


def write_json(
    document: Any, name: str, destination: str, *, indent: int | None = 2, durable: bool = True
) -> None:
    """Validate, then write atomically (temp file, then rename); ``-`` means stdout.

    ``indent=None`` is for machines (batches): json's fast C encoder only runs without it.
    A lone surrogate (a file name's undecodable byte, or text that slipped past
    ``text.clean``) is replaced by U+FFFD rather than refused: an odd string must never
    cost a student the report. The file is ASCII JSON (json escapes the rest), so it is
    valid UTF-8 and decodes to valid Unicode, whatever the reader's locale.
    """
    text = _plain_json(document, indent)
    if text is None:
        document = valid_unicode(document)
        validate(document, name)
        text = json.dumps(document, indent=indent, allow_nan=False) + "\n"
    else:
        validate(document, name)
    write_text(text, destination, durable=durable)


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _plain_json(document: Any, indent: int | None) -> str | None:
    """The document's JSON if no string in it can hold a surrogate, else None.

    json escapes every surrogate, lone or a character beyond the BMP: where it wrote none,
    ``valid_unicode`` would change nothing, and its walk over every string (a batch's
    reports hold hundreds) is skipped. Anything odd takes the careful path.
    """
    try:
        text = json.dumps(document, indent=indent, allow_nan=False)
    except (ValueError, TypeError, RecursionError):
        return None
    return None if _ESCAPED_SURROGATE.search(text) else text + "\n"


def make_folder(path: Path) -> None:
    """Create the folder the user named for output, or say why not (a usage error)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the folder {path}: {exc.strerror or exc}") from None


def write_text(text: str, destination: str, *, durable: bool = True) -> None:
    """Write atomically (temp file, fsync, rename) so a reader never sees half a file.

    ``durable=False`` skips the fsync (about 5 ms a file on a VM's disk): for a batch's
    reports, which a rerun validates and regrades if a crash left one empty.

    The text is written as UTF-8, to a file or to stdout whatever its encoding;
    lone surrogates, which UTF-8 cannot hold, become U+FFFD instead of a crash.
    """
    data = valid_unicode(text).encode("utf-8")
    if destination == "-":
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text-only stream (some test runners): it takes str
            sys.stdout.write(data.decode("utf-8"))
        else:
            out.write(data)
            out.flush()
        return
    target = Path(destination)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide reports from the rest of a course team
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as exc:  # a destination the user named: their usage error, not our bug
        raise UsageError(f"cannot write {destination}: {exc.strerror or exc}") from None
