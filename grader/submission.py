"""A submission: read safely from disk, and turned into the module source that is graded.

The file is the student's: it is read without following links below the folder the
instructor named, and never opened if it is not a regular file (a FIFO would block).
A notebook becomes its code cells' module (``ipynb``). Nothing here runs the code:
``defined_functions`` parses it with ``ast`` to tell which assignment it is for.
"""

from __future__ import annotations

import ast
import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import NotebookError, UnreadableSubmission
from .ipynb import Converted, prepare
from .ipynb import convert as convert_notebook
from .text import clean

MAX_SOURCE_BYTES = 1 << 20
# Outputs (plots) do not count: the code cells' text has MAX_SOURCE_BYTES like a .py file;
# this only bounds the memory reading the JSON takes.
MAX_NOTEBOOK_BYTES = 256 << 20
SUFFIXES = (".py", ".ipynb")


def read_submission(path: Path, root: Path | None = None, limit: int | None = None) -> bytes:
    """Up to ``limit + 1`` bytes of the regular file at ``path``, read without following links.

    ``root`` is where the student's material starts (default: the file's folder): links in
    the path up to it are the instructor's and are followed; below it, a symbolic link is
    refused, so a submission cannot be a link to the reference solution or anything else.
    ``limit`` defaults to the size a file of this kind may have (``size_limit``).
    Raises UnreadableSubmission saying why there is nothing to read.
    """
    limit = size_limit(path) if limit is None else limit
    base = path.parent if root is None else root
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        raise UnreadableSubmission(f"{shown(path)} is outside {shown(base)}") from None
    if not parts or any(part in (".", "..") for part in parts):
        raise UnreadableSubmission(f"{shown(path)} does not name a file")
    try:
        folder = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        for part in parts[:-1]:
            inner = _open_below(folder, part, path, os.O_DIRECTORY)
            os.close(folder)
            folder = inner
        _check_kind(folder, parts[-1], path)
        handle = _open_below(folder, parts[-1], path, os.O_NONBLOCK | os.O_NOCTTY)
    finally:
        os.close(folder)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the check
            raise UnreadableSubmission(f"{shown(path)} is not a regular file")
        try:
            return stream.read(limit + 1)
        except OSError as exc:
            raise _unreadable(path, exc) from None


def _open_below(folder: int, name: str, path: Path, flags: int) -> int:
    """Open ``name`` in the open ``folder`` without following a link."""
    try:
        return os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | flags, dir_fd=folder)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK) and _is_link(folder, name):
            raise UnreadableSubmission(_LINK.format(shown(path), clean(name))) from None
        raise _unreadable(path, exc) from None


def _is_link(folder: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _check_kind(folder: int, name: str, path: Path) -> None:
    """Refuse, before opening it, what is not a regular file: opening a FIFO could block."""
    try:
        mode = os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if stat.S_ISLNK(mode):
        raise UnreadableSubmission(_LINK.format(shown(path), clean(name)))
    if stat.S_ISDIR(mode):
        raise UnreadableSubmission(f"{shown(path)} is a directory, not a Python file")
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "special file")
        raise UnreadableSubmission(f"{shown(path)} is not a regular file (it is a {kind})")


_LINK = ("{} is not read: '{}' is a symbolic link, and links in a submission are not "
         "followed (submit the file itself)")  # fmt: skip
_KINDS = {stat.S_IFIFO: "named pipe", stat.S_IFCHR: "character device",
          stat.S_IFBLK: "block device", stat.S_IFSOCK: "socket"}  # fmt: skip


def _unreadable(path: Path, exc: OSError) -> UnreadableSubmission:
    if exc.errno == errno.ENOENT:
        return UnreadableSubmission(f"no such file: {shown(path)}")
    return UnreadableSubmission(f"cannot read {shown(path)}: {exc.strerror or exc}")


def shown(path: Path) -> str:
    """A path as reports and messages show it: file names are the student's text."""
    return clean(str(path))


def size_limit(path: Path) -> int:
    """How many bytes of this submission are read: notebooks carry outputs besides code."""
    return MAX_NOTEBOOK_BYTES if is_notebook(path) else MAX_SOURCE_BYTES


def source_problem(data: bytes) -> str | None:
    """Why these bytes cannot be Python source, or None if they may be."""
    if len(data) > MAX_SOURCE_BYTES:
        return f"the file is larger than {MAX_SOURCE_BYTES // 1024} KiB; is it really source code?"
    if b"\0" in data:
        return "the file contains NUL bytes: it looks binary, not like Python source"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return f"line {line} is not valid UTF-8 text: save the file as UTF-8"
    return None


@dataclass(frozen=True)
class Source:
    """The module source to run, the notebook it came from, or why there is none."""

    text: str = ""
    notebook: Converted | None = None
    problem: str | None = None
    notes: tuple[str, ...] = ()  # what grading leaves out (imports, shell lines) and why

    def locate(self, message: str, filename: str) -> str:
        """A message that names notebook cells and lines, not lines of the generated module."""
        return self.notebook.locate(message, filename) if self.notebook else message


def source_of(data: bytes, is_notebook: bool, packages: Sequence[str] | None = None) -> Source:
    """What grading runs of these bytes: a .py file's text, or a notebook's code cells.

    ``packages``: what the sandbox provides besides the standard library; imports of
    anything else are left out with notes (``ipynb.prepare``).
    """
    if not is_notebook:
        problem = source_problem(data)
        if problem:
            return Source(problem=problem)
        prepared = prepare(data.decode("utf-8"), packages)
        return Source(prepared.text, notes=prepared.messages())
    if len(data) > MAX_NOTEBOOK_BYTES:
        return Source(problem=f"the notebook is larger than {MAX_NOTEBOOK_BYTES >> 20} MiB")
    try:
        notebook = convert_notebook(data, packages)
    except NotebookError as exc:
        return Source(problem=clean(str(exc)))
    problem = source_problem(notebook.source.encode("utf-8", errors="surrogatepass"))
    if problem is not None:
        return Source(problem=f"the notebook's code cells: {problem}")
    return Source(notebook.source, notebook, notes=notebook.notes)


def is_notebook(path: Path) -> bool:
    return path.suffix == ".ipynb"


def defined_functions(data: bytes, notebook: bool) -> frozenset[str]:
    """The names of the functions the code defines at its top level, found by parsing it.

    Never runs anything; code that cannot be parsed defines nothing.
    """
    source = source_of(data, notebook)
    if source.problem is not None:
        return frozenset()
    try:
        tree = ast.parse(source.text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef)
    return frozenset(node.name for node in tree.body if isinstance(node, kinds))
