"""Where the sandbox's files are: the packages students may import, and the view inside."""

from __future__ import annotations

import functools
import importlib.util
import sysconfig
from pathlib import Path

from ..errors import SandboxUnavailable

INSIDE = Path("/sandbox")  # where bubblewrap shows the harness and the packages


@functools.cache
def package_dirs(packages: tuple[str, ...]) -> list[Path]:
    """Where the packages students may import live: each package's folder (or module file)
    and its bundled libraries (``NAME.libs``). numpy always; found without importing
    anything, since the sandbox starts before the grader's heavy imports."""
    found: list[Path] = []
    for name in dict.fromkeys(("numpy", *packages)):
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin in (None, "built-in", "frozen"):
            raise SandboxUnavailable(f"the package {name!r} the assignment allows is not installed")
        origin = Path(spec.origin).resolve()
        path = origin.parent if origin.name == "__init__.py" else origin
        libs = path.with_name(f"{name}.libs")
        found += [path, libs] if libs.is_dir() else [path]
    return found


@functools.cache
def _python_paths() -> tuple[tuple[str, str], ...]:
    return tuple(sysconfig.get_paths().items())


def python_paths() -> dict[str, str]:
    """``sysconfig.get_paths()``, worked out once per process (each call expands them all
    again: a few milliseconds a grade spent before its sandbox starts)."""
    return dict(_python_paths())
