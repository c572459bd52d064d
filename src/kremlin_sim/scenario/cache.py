"""Remembering that a bundled scenario has been loaded and checked, so that `play` starts sooner.

Every start loads and checks the campaign (YAML, structure, references, story
graph): about a tenth of the time to the first decision, with the modules
that do it. The checked result of a *bundled* scenario is kept as a pickle
in the user's cache folder, under a key made of the file's bytes, the path as
shown, the Python version and the source of this package (a changed checker
is a new key). Only bundled files are kept, so the folder holds one entry per
bundled scenario however many files a teacher checks.

A pickle runs code when read, so one is read only from a folder and file that
belong to the user and that no one else may write to, like the user's own
Python packages. Anything unexpected (missing, foreign, corrupt, stale) means
loading the file as if there were no cache.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .bundled import bundled_dir
from .digest import sha256

try:
    # For the key, which digests the file and this package's source at every start: BLAKE2b takes about a
    # quarter of the instructions of CPython's own SHA-256 here (hashlib's faster SHA-256 loads OpenSSL).
    from _blake2 import blake2b as _key_digest
except ImportError:  # built without it
    _key_digest = sha256

if TYPE_CHECKING:
    from .loader import LoadResult

_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kremlin-sim" / "scenarios"


def _code_key() -> bytes:
    digest = _key_digest(repr(sys.version_info[:2]).encode())
    for source in sorted(_PACKAGE.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.digest()


def _is_bundled(path: str | os.PathLike[str]) -> bool:
    try:
        return Path(path).resolve().parent == bundled_dir().resolve()
    except OSError:
        return False


def _ours_alone(path: Path) -> bool:
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(entry: Path, key: bytes) -> LoadResult | None:
    try:
        if not (_ours_alone(entry.parent) and _ours_alone(entry)):
            return None
        with open(entry, "rb") as handle:
            if handle.read(len(key)) != key:
                return None  # the file, the checker or Python changed
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 (a broken cache must never stop a game: load the file instead)
        return None


def _write(entry: Path, key: bytes, result: LoadResult) -> None:
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as handle:
            handle.write(key)
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, entry)
    except Exception:  # noqa: BLE001 (no cache, e.g. a read-only home: simply load every time)
        try:
            os.unlink(handle.name)
        except (NameError, OSError):
            pass


def load_remembered(path: str | os.PathLike[str], raw: bytes, shown: str,
                    load: Callable[[bytes, str], LoadResult]) -> LoadResult:
    """`load(raw, shown)`, or the result it gave before for the same bundled file, checker and Python."""
    if not _is_bundled(path) or os.environ.get("KREMLIN_SIM_NO_CACHE"):
        return load(raw, shown)
    key = _key_digest(_code_key() + _key_digest(raw).digest() + shown.encode()).hexdigest().encode()
    entry = cache_dir() / (sha256(shown.encode()).hexdigest()[:24] + ".pickle")
    result = _read(entry, key)
    if result is None:
        result = load(raw, shown)
        if result.ok:
            _write(entry, key, result)
    return result
