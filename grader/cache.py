"""Cases and expected values kept between runs, per assignment content and seed.

Computing a plan runs the assignment's ``make_cases`` and its reference on every case;
a student grading the same file again, or a class graded with one seed, needs the
same values every time. An entry holds the cases (name, exercise, visibility, the
arguments as they go to the sandbox) and the expected values, as plain JSON written by
``sandbox.protocol.encode_arg``; it is parsed strictly and never unpickled.

Who can touch it: entries live in the instructor's own cache folder
(``$GRADER_CACHE_DIR``, else ``$XDG_CACHE_HOME/forward-grader/expected``, else
``~/.cache/forward-grader/expected``), made with mode 0700 and used only while it is
the grader's user's own and closed to everyone else, and only where the graded code
cannot reach it (``out_of_students_reach``: bubblewrap, which mounts no home folder, or
a root grader, whose sandboxes run as a uid of their own); the process sandbox of an
ordinary user, which runs as that very user, computes the values every time. Each entry
carries an HMAC-SHA256 under a key kept in that folder (mode 0600), so an entry changed by
anyone without the key, or torn, is ignored and computed again. Student kits are not
cached: their answers are data.

When it is stale: an entry names the source files it was computed from (every module
of the course loaded at that time, the engine's included) with their SHA-256, and is
used only while each still has that hash; the grader version, the numpy version, the
assignment's name and module, and the seed are its key. Concurrent runs write to a
temporary file and rename it into place: a reader sees a whole entry or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import math
import os
import re
import secrets
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from . import __version__
from .errors import SandboxUnavailable
from .spec import Assignment, Case

FORMAT = 1
MAX_ENTRY_BYTES = 64 << 20
MAX_DEPTH = 16

Computed = tuple[list[Case], list[Any]]  # the cases, and the expected value of each


_SANDBOX: ContextVar[str | None] = ContextVar("sandbox", default=None)


@contextmanager
def grading_in(kind: str) -> Iterator[None]:
    """Plans made inside are for submissions run in sandbox ``kind`` (already started)."""
    token = _SANDBOX.set(kind)
    try:
        yield
    finally:
        _SANDBOX.reset(token)


def out_of_students_reach() -> bool:
    """Whether the code graded here cannot reach the cache folder, to read or to write it.

    Bubblewrap mounts no home folder; a grader that is root on Linux runs every sandbox
    as a uid of its own, in a mount namespace that shows it nothing of root's. The
    process sandbox of an ordinary user runs as that user, who owns the folder: no cache.
    """
    return _SANDBOX.get() == "bwrap" or _root_on_linux()


def _root_on_linux() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


class _Invalid(Exception):
    """An entry that is not one this grader wrote for this key: ignored."""


def folder() -> Path:
    """Where entries live (not created here)."""
    explicit = os.environ.get("GRADER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "forward-grader" / "expected"


def enabled() -> bool:
    return os.environ.get("GRADER_CACHE", "1") != "0"


def cases_and_expected(spec: Assignment, seed: int, compute: Callable[[], Computed]) -> Computed:
    """``compute()``'s cases and expected values, from the cache when a valid entry is there.

    Whatever goes wrong with the cache (no folder, a foreign or bad entry, a full disk)
    costs only the time to compute the values again: the values themselves never come
    from anything but a valid entry or ``compute``.
    """
    if spec.answers is not None or spec.kit or not enabled() or not out_of_students_reach():
        return compute()
    where = _private_folder()
    key = _key(spec, seed)
    if where is None or key is None:
        return compute()
    path = where / (hashlib.sha256(json.dumps(key).encode()).hexdigest() + ".json")
    secret = _secret(where)
    if secret is not None:
        with contextlib.suppress(OSError, _Invalid):
            return _read(path, key, secret)
    cases, expected = compute()
    if secret is not None:
        with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
            _write(path, where, key, secret, cases, expected)
    return cases, expected


# ------------------------------------------------------------------ the folder and its key


def _private_folder() -> Path | None:
    """The cache folder, made if need be; None unless it is ours alone."""
    where = folder()
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = where.lstat()
    except OSError:
        return None
    if not _private(info, directory=True):
        return None
    return where


def _private(info: os.stat_result, *, directory: bool) -> bool:
    import stat

    kind = stat.S_ISDIR if directory else stat.S_ISREG
    return bool(kind(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o077)


def _secret(where: Path) -> bytes | None:
    """The folder's HMAC key: made once (atomically), then read; None if unusable."""
    path = where / "key"
    with contextlib.suppress(FileExistsError, OSError):
        if not path.exists():
            fd, temporary = tempfile.mkstemp(dir=where, prefix=".key-")  # mode 0600
            try:
                os.write(fd, secrets.token_bytes(32))
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(temporary, path)  # fails if another run made it first: theirs wins
            finally:
                os.unlink(temporary)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        if not _private(os.fstat(fd), directory=False):
            return None
        key = os.read(fd, 64)
    finally:
        os.close(fd)
    return key if len(key) == 32 else None


# ------------------------------------------------------------------ what an entry is for


def _key(spec: Assignment, seed: int) -> list[Any] | None:
    module = sys.modules.get(getattr(spec.make_cases, "__module__", "") or "")
    origin = getattr(module, "__file__", None)
    if origin is None:
        return None
    numpy = sys.modules.get("numpy")
    return [FORMAT, __version__, getattr(numpy, "__version__", ""), spec.name,
            str(Path(origin).resolve()), seed]  # fmt: skip


def _installed() -> tuple[str, ...]:
    """Folders of the Python installation and its packages: not the course's sources."""
    paths = sysconfig.get_paths()
    found = {sys.prefix, sys.base_prefix, sys.exec_prefix, paths["purelib"], paths["platlib"],
             paths["stdlib"], paths["platstdlib"]}  # fmt: skip
    return tuple(os.path.realpath(p) + os.sep for p in found if p)


def _sources() -> list[str]:
    """Every loaded module's file that belongs to the course or the engine."""
    installed = _installed()
    files = set()
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if not isinstance(origin, str) or not origin.endswith(".py"):
            continue
        real = os.path.realpath(origin)
        if name == "grader" or name.startswith("grader.") or not real.startswith(installed):
            files.add(real)
    return sorted(files)


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


# ------------------------------------------------------------------ reading and writing


def _mac(secret: bytes, body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), allow_nan=True)
    return hmac.new(secret, canonical.encode(), hashlib.sha256).hexdigest()


def _write(
    path: Path,
    where: Path,
    key: list[Any],
    secret: bytes,
    cases: Sequence[Case],
    expected: Sequence[Any],
) -> None:
    from .sandbox.protocol import encode_arg

    body = {
        "key": key,
        "files": [[p, _digest(p)] for p in _sources()],
        "cases": [_case_wire(c, encode_arg) for c in cases],
        "expected": [encode_arg(e) for e in expected],
    }
    text = json.dumps({"body": body, "mac": _mac(secret, body)}, allow_nan=True)
    if not _comes_back(json.loads(text)["body"], cases, expected):
        return
    _replace(where, path, text)


def _replace(where: Path, path: Path, text: str) -> None:
    """Write ``text`` as ``path`` at once: a reader sees the old entry or the new, whole."""
    fd, temporary = tempfile.mkstemp(dir=where, prefix=".entry-", suffix=".json")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _comes_back(body: dict[str, Any], cases: Sequence[Case], expected: Sequence[Any]) -> bool:
    """Whether an entry, read back, gives exactly these cases and values.

    A numpy scalar, a float32 array or a shared list would come back as something else:
    such an assignment gets no entry at all (its values are computed each time).
    """
    try:
        for case, wire in zip(cases, body["cases"], strict=True):
            if not all(_same(_decode(a), b) for a, b in zip(wire["args"], case.args, strict=True)):
                return False
        return all(_same(_decode(w), e) for w, e in zip(body["expected"], expected, strict=True))
    except (_Invalid, ValueError):  # zip's strict length check is a ValueError
        return False


def _case_wire(case: Case, encode: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    return {"name": case.name, "exercise": case.exercise, "visibility": case.visibility,
            "args": [encode(a) for a in case.args]}  # fmt: skip


def _verified(path: Path, secret: bytes) -> dict[str, Any]:
    """An entry's body: read without following a link, from a file ours alone, bounded,
    parsed strictly, its MAC checked, and every source it was computed from unchanged."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        if not _private(os.fstat(handle.fileno()), directory=False):
            raise _Invalid("not ours alone")
        data = handle.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise _Invalid("too large")
    try:
        entry = json.loads(data)
    except (ValueError, RecursionError):
        raise _Invalid("not JSON") from None
    if not isinstance(entry, dict) or not isinstance(entry.get("body"), dict):
        raise _Invalid("not an entry")
    body, mac = entry["body"], entry.get("mac")
    if not isinstance(mac, str) or not hmac.compare_digest(mac, _mac(secret, body)):
        raise _Invalid("bad MAC")
    files = body.get("files")
    if not isinstance(files, list) or not files:
        raise _Invalid("no files")
    for item in files:
        if not (isinstance(item, list) and len(item) == 2 and all(type(i) is str for i in item)):
            raise _Invalid("bad file")
        if _digest(item[0]) != item[1]:  # OSError when it is gone: invalid too
            raise _Invalid("a source changed")
    return dict(body)


def _read(path: Path, key: list[Any], secret: bytes) -> Computed:
    body = _verified(path, secret)
    if body.get("key") != key:
        raise _Invalid("another key")
    raw_cases, raw_expected = body.get("cases"), body.get("expected")
    if not isinstance(raw_cases, list) or not isinstance(raw_expected, list):
        raise _Invalid("no cases")
    if len(raw_cases) != len(raw_expected):
        raise _Invalid("cases and values differ in number")
    return [_case(c) for c in raw_cases], [_decode(e) for e in raw_expected]


def _case(raw: Any) -> Case:
    if not isinstance(raw, dict) or not isinstance(raw.get("args"), list):
        raise _Invalid("bad case")
    name, exercise, visibility = raw.get("name"), raw.get("exercise"), raw.get("visibility")
    if type(name) is not str or type(exercise) is not str:
        raise _Invalid("bad case")
    if visibility not in ("visible", "hidden"):
        raise _Invalid("bad case")
    return Case(name, exercise, tuple(_decode(a) for a in raw["args"]), visibility)


_DTYPES = ("float64", "int64", "bool")


def _decode(value: Any, depth: int = 0) -> Any:
    """A value ``encode_arg`` wrote, rebuilt exactly; _Invalid for anything else."""
    if depth > MAX_DEPTH or not isinstance(value, dict):
        raise _Invalid("bad value")
    tag = value.get("t")
    if tag == "none":
        return None
    if tag in ("bool", "int", "float", "str"):
        item = value.get("v")
        want = {"bool": bool, "int": int, "float": float, "str": str}[tag]
        if type(item) is not want:
            raise _Invalid("bad scalar")
        return item
    if tag in ("list", "tuple"):
        items = value.get("items")
        if not isinstance(items, list):
            raise _Invalid("bad sequence")
        decoded = [_decode(i, depth + 1) for i in items]
        return tuple(decoded) if tag == "tuple" else decoded
    if tag == "dict":
        pairs = value.get("items")
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and type(p[0]) is str for p in pairs
        ):
            raise _Invalid("bad dict")
        return {k: _decode(v, depth + 1) for k, v in pairs}
    if tag == "array":
        return _array(value)
    raise _Invalid("unknown tag")


def _array(value: dict[str, Any]) -> Any:
    import numpy as np

    dtype, shape, data = value.get("dtype"), value.get("shape"), value.get("data")
    if dtype not in _DTYPES or not isinstance(shape, list) or not isinstance(data, list):
        raise _Invalid("bad array")
    if not all(type(n) is int and n >= 0 for n in shape) or len(shape) > 32:
        raise _Invalid("bad shape")
    if math.prod(shape) != len(data):
        raise _Invalid("data does not fill the shape")
    kinds = {"float64": (float,), "int64": (int,), "bool": (bool,)}[dtype]
    if not all(type(x) in kinds for x in data):
        raise _Invalid("bad array data")
    return np.array(data, dtype=dtype).reshape(shape)


def _same(a: Any, b: Any) -> bool:
    """Whether ``a`` is ``b`` rebuilt: same types all the way down, same numbers (nan too)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return (a == b and math.copysign(1, a) == math.copysign(1, b)) or (a != a and b != b)
    if type(a).__name__ == "ndarray":
        import numpy as np

        return bool(a.dtype == b.dtype and a.shape == b.shape
                    and np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))  # fmt: skip
    return bool(a == b)


# ------------------------------------------------------------------ a plan without its assignment
# A single grade of a file whose assignment was found by its name (or named) reads what a
# passing grade needs from one entry, without importing the assignment (nor numpy, which
# it imports): the assignment's exercises, points and tolerances, its tips, and its plan
# (each case's name, visibility and arguments as they go to the sandbox, and its expected
# value). The entry is for one course folder, one way of choosing the assignment and one
# seed; it is used only while every source it came from (the course's modules that were
# loaded, the engine's) has its hash and the course's ``assignments`` folder lists the same
# names (a new assignment could change the choice). Kept and checked as the entries above.

QUICK_FORMAT = 1
_VERSION_LINE = re.compile(r'^version\s*=\s*"([^"\n]{1,64})"', re.MULTILINE)


def numpy_version() -> str:
    """numpy's version, read from its ``version.py`` when numpy is not imported."""
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        return str(getattr(numpy, "__version__", ""))
    from .sandbox.paths import package_dirs

    try:
        text = (package_dirs(("numpy",))[0] / "version.py").read_text()
    except (OSError, ValueError, SandboxUnavailable):
        return ""
    found = _VERSION_LINE.search(text)
    return found.group(1) if found else ""


def _quick_key(course: Path, chosen_by: str, seed: int) -> list[Any]:
    return [QUICK_FORMAT, __version__, numpy_version(), str(course), chosen_by, seed]


def _listing(course: Path) -> list[str]:
    return sorted(os.listdir(course / "assignments"))


def _quick_path(where: Path, key: list[Any]) -> Path:
    return where / ("quick-" + hashlib.sha256(json.dumps(key).encode()).hexdigest() + ".json")


def read_quick(course: Path, chosen_by: str, seed: int) -> dict[str, Any] | None:
    """The entry for grading a file chosen by ``chosen_by`` (``name:FILE`` or ``ref:NAME``)
    against ``course`` with ``seed``, if a valid one is there: its ``assignment`` and
    ``groups`` (each ``[exercise, cases, expected]``, as written, not decoded)."""
    if not enabled() or not out_of_students_reach():
        return None
    where = _private_folder()
    secret = None if where is None else _secret(where)
    if where is None or secret is None:
        return None
    key = _quick_key(course, chosen_by, seed)
    with contextlib.suppress(OSError, _Invalid, ValueError):
        return _read_quick(_quick_path(where, key), key, secret, course)
    return None


def _read_quick(path: Path, key: list[Any], secret: bytes, course: Path) -> dict[str, Any]:
    body = _verified(path, secret)
    if body.get("key") != key or body.get("listing") != _listing(course):
        raise _Invalid("another key")
    if not isinstance(body.get("assignment"), dict) or not isinstance(body.get("groups"), list):
        raise _Invalid("no plan")
    return dict(body)


def write_quick(
    course: Path,
    chosen_by: str,
    seed: int,
    assignment: dict[str, Any],
    groups: Sequence[tuple[str, Sequence[Case], Sequence[Any]]],
) -> None:
    """Keep what ``read_quick`` gives, unless a valid entry is there already; whatever goes
    wrong costs only the entry (the next grade imports the assignment again)."""
    if not enabled() or not out_of_students_reach() or read_quick(course, chosen_by, seed):
        return
    where = _private_folder()
    secret = None if where is None else _secret(where)
    if where is None or secret is None:
        return
    from .sandbox.protocol import encode_arg

    with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
        key = _quick_key(course, chosen_by, seed)
        body = {
            "key": key,
            "listing": _listing(course),
            "files": [[p, _digest(p)] for p in _sources()],
            "assignment": assignment,
            "groups": [
                [
                    name,
                    [_case_wire(c, encode_arg) for c in cases],
                    [encode_arg(e) for e in expected],
                ]
                for name, cases, expected in groups
            ],
        }
        text = json.dumps({"body": body, "mac": _mac(secret, body)}, allow_nan=True)
        fd, temporary = tempfile.mkstemp(dir=where, prefix=".entry-", suffix=".json")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(text)
            os.replace(temporary, _quick_path(where, key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def plain_value(value: Any, depth: int = 0) -> Any:
    """An expected value as ``encode_arg`` wrote it, rebuilt as plain data: float64 arrays
    as passcheck.PlainArray (_Invalid for any other array: those are judged with numpy)."""
    from .passcheck import PlainArray

    if depth > MAX_DEPTH or not isinstance(value, dict):
        raise _Invalid("bad value")
    tag = value.get("t")
    if tag == "array":
        shape, data = value.get("shape"), value.get("data")
        if value.get("dtype") != "float64" or not isinstance(shape, list):
            raise _Invalid("not a float64 array")
        if not isinstance(data, list) or not all(type(x) is float for x in data):
            raise _Invalid("bad array data")
        if not all(type(n) is int and n >= 0 for n in shape) or math.prod(shape) != len(data):
            raise _Invalid("bad shape")
        return PlainArray(tuple(shape), tuple(data))
    if tag in ("list", "tuple"):
        items = value.get("items")
        if not isinstance(items, list):
            raise _Invalid("bad sequence")
        decoded = [plain_value(i, depth + 1) for i in items]
        return tuple(decoded) if tag == "tuple" else decoded
    if tag == "dict":
        pairs = value.get("items")
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and type(p[0]) is str for p in pairs
        ):
            raise _Invalid("bad dict")
        return {k: plain_value(v, depth + 1) for k, v in pairs}
    return _decode(value, depth)  # a scalar, a string or None


Invalid = _Invalid  # for quick.py: an entry it cannot use


# ------------------------------------------------------------------ mistakes' behaviours
# A diagnosis compares the student's behaviour with every known mistake's (and each
# combination's) on the plan's cases: the same ~550 simulations for every batch worker and
# every run of the same assignment and seed. They are kept in an entry of their own, beside
# the expected values and with the same guards (its HMAC, the hash of every source they came
# from, strict parsing); each simulation is stored only if it reads back bit for bit.

BEHAVIOURS_FORMAT = 1
MAX_BEHAVIOURS = 100_000  # distinct behaviours, and simulations, in one entry
Simulated = dict[tuple[str, ...], list[Any]]  # (exercise, *mistakes) -> one Behaviour per case


def keeps_behaviours(spec: Assignment) -> bool:
    """Whether a plan made now (its sandbox started: ``grading_in``) may keep its simulations
    in the cache: where the code graded on it cannot reach the cache, as for expected values."""
    return spec.answers is None and not spec.kit and enabled() and out_of_students_reach()


def _behaviours_entry(
    spec: Assignment, seed: int, visible_only: bool
) -> tuple[Path, Path, list[Any], bytes] | None:
    """Where this plan's simulations are kept; the caller made sure it may (keeps_behaviours)."""
    where = _private_folder()
    key = _key(spec, seed)
    if where is None or key is None:
        return None
    secret = _secret(where)
    if secret is None:
        return None
    key = [*key, "behaviours", BEHAVIOURS_FORMAT, visible_only]
    path = where / (hashlib.sha256(json.dumps(key).encode()).hexdigest() + ".json")
    return path, where, key, secret


def read_behaviours(spec: Assignment, seed: int, visible_only: bool) -> Simulated:
    """The simulations a valid entry holds for this plan; none for anything else.

    Only for a plan ``keeps_behaviours`` allowed when it was made."""
    entry = _behaviours_entry(spec, seed, visible_only)
    if entry is None:
        return {}
    path, _, key, secret = entry
    with contextlib.suppress(OSError, _Invalid):
        return _read_behaviours(path, key, secret)
    return {}


def _read_behaviours(path: Path, key: list[Any], secret: bytes) -> Simulated:
    from .diagnose import Behaviour

    body = _verified(path, secret)
    if body.get("key") != key:
        raise _Invalid("another key")
    distinct, simulated = body.get("distinct"), body.get("simulated")
    if not isinstance(distinct, list) or not isinstance(simulated, list):
        raise _Invalid("no behaviours")
    if len(distinct) > MAX_BEHAVIOURS or len(simulated) > MAX_BEHAVIOURS:
        raise _Invalid("too many behaviours")
    behaviours = []
    for item in distinct:
        if not isinstance(item, dict) or set(item) != {"values", "raised", "mutated"}:
            raise _Invalid("bad behaviour")
        raised, mutated = item["raised"], item["mutated"]
        if not (raised is None or type(raised) is str) or type(mutated) is not bool:
            raise _Invalid("bad behaviour")
        values = None if item["values"] is None else _frozen(_decode(item["values"]))
        behaviours.append(Behaviour(values=values, raised=raised, mutated=mutated))
    found: Simulated = {}
    for pair in simulated:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], list)
                and isinstance(pair[1], list) and pair[0]
                and all(type(n) is str for n in pair[0])):  # fmt: skip
            raise _Invalid("bad simulation")
        if not all(type(i) is int and 0 <= i < len(behaviours) for i in pair[1]):
            raise _Invalid("bad index")
        found[tuple(pair[0])] = [behaviours[i] for i in pair[1]]
    return found


def _frozen(value: Any) -> Any:
    """A decoded value, its arrays read-only: one behaviour object serves many simulations."""
    if type(value).__name__ == "ndarray":
        value.setflags(write=False)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _frozen(item)
    elif isinstance(value, dict):
        for item in value.values():
            _frozen(item)
    return value


def write_behaviours(spec: Assignment, seed: int, visible_only: bool, fresh: Simulated) -> None:
    """Add ``fresh`` simulations to this plan's entry (what another run wrote is kept).

    Two workers ending together may each write theirs: one set is lost, to be simulated
    and written again by the next run. Nothing here may fail a grade."""
    entry = _behaviours_entry(spec, seed, visible_only)
    if entry is None or not fresh:
        return
    path, where, key, secret = entry
    simulated: Simulated = {}
    with contextlib.suppress(OSError, _Invalid):
        simulated.update(_read_behaviours(path, key, secret))
    simulated.update(fresh)
    with contextlib.suppress(OSError, ValueError, TypeError, RecursionError, _Invalid):
        _write_behaviours(path, where, key, secret, simulated)


def _array_key(behaviour: Any) -> tuple[Any, ...] | None:
    """What makes a behaviour that returned one float64 array what it is, bit for bit."""
    values = behaviour.values
    if type(values).__name__ != "ndarray" or values.dtype.str != "<f8" or behaviour.unread:
        return None
    return values.shape, values.tobytes(), behaviour.raised, behaviour.mutated


def _write_behaviours(
    path: Path, where: Path, key: list[Any], secret: bytes, simulated: Simulated
) -> None:
    from .sandbox.protocol import encode_arg

    index: dict[str, int] = {}
    distinct: list[dict[str, Any]] = []
    decoded: list[Any] = []  # each distinct item's values as a reader will rebuild them
    pairs = []
    arrays: dict[tuple[Any, ...], int] = {}  # a float64 array's bits, shape and the rest
    for names, behaviours in simulated.items():
        indexes = []
        for behaviour in behaviours:
            found = _array_key(behaviour)
            if found is not None and found in arrays:
                indexes.append(arrays[found])  # the same bits as one that came back: it does
                continue
            values = None if behaviour.values is None else encode_arg(behaviour.values)
            item = {"values": values, "raised": behaviour.raised, "mutated": behaviour.mutated}
            text = json.dumps(item, sort_keys=True, allow_nan=True)
            if text not in index:
                index[text] = len(distinct)
                distinct.append(item)
                decoded.append(None if values is None else _decode(json.loads(text)["values"]))
            if behaviour.unread or not _same(decoded[index[text]], behaviour.values):
                break  # it would not come back as it is: this simulation is not kept
            if found is not None:
                arrays[found] = index[text]
            indexes.append(index[text])
        else:
            pairs.append([list(names), indexes])
    body = {"key": key, "files": [[p, _digest(p)] for p in _sources()], "distinct": distinct,
            "simulated": pairs}  # fmt: skip
    text = json.dumps({"body": body, "mac": _mac(secret, body)}, allow_nan=True)
    if len(text) > MAX_ENTRY_BYTES:
        return
    _replace(where, path, text)
