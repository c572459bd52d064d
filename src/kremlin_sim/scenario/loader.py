"""Load a scenario file: every problem as a Diagnostic, never an exception."""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import field
from typing import Iterator

from .cache import load_remembered
from .diagnostics import Diagnostic
from .digest import sha256
from .frozen import frozen_dataclass
from .model import Scenario


@frozen_dataclass
class LoadResult:
    path: str
    scenario: Scenario | None
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def content_hash(raw: bytes) -> str:
    """A hash of the text with line endings normalised, so a Windows checkout matches."""
    return sha256(raw.replace(b"\r\n", b"\n")).hexdigest()[:16]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes millions of small objects and no cycles; left on, the cyclic
    collector rescans them again and again, which made large files quadratic."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_text(raw: bytes, path: str) -> LoadResult:
    with _collector_paused():
        return _load_text(raw, path)


def _load_text(raw: bytes, path: str) -> LoadResult:
    # Here, not at the top: a start that finds its scenario in the cache never needs PyYAML or the checks.
    from .build import Builder
    from .semantic import check_graph
    from .spec import SCENARIO
    from .structure import StructureChecker
    from .yaml_source import LDict, decode, parse

    text, problems = decode(raw, path)
    if text is None:
        return LoadResult(path, None, tuple(problems))
    data, problems = parse(text, path)
    if data is None:
        return LoadResult(path, None, tuple(problems))
    if not isinstance(data, LDict):
        kind = "a list" if isinstance(data, list) else "a single value"
        problems.append(Diagnostic("KS100", f"a scenario file should be a mapping of keys (format, id, title, …), not {kind}", path, 1, 1))
        return LoadResult(path, None, tuple(problems))
    checker = StructureChecker(path)
    cleaned = checker.check(data, SCENARIO, data.pos, "the scenario")
    problems.extend(checker.problems)
    builder = Builder(path)
    scenario = builder.build(cleaned, content_hash(raw))
    problems.extend(builder.problems)
    if scenario is not None:
        problems.extend(check_graph(scenario, builder.positions))
    problems.sort(key=lambda d: (d.line, d.column))
    if any(d.is_error for d in problems):
        scenario = None
    return LoadResult(path, scenario, tuple(problems))


def load_file(path: str | os.PathLike[str]) -> LoadResult:
    shown = str(path)
    try:
        if os.path.isdir(path):
            return LoadResult(shown, None, (Diagnostic("KS001", "this is a folder, not a scenario file", shown),))
        with open(path, "rb") as handle:
            raw = handle.read(16 * 1024 * 1024 + 1)
    except FileNotFoundError:
        return LoadResult(shown, None, (Diagnostic("KS001", "no such file", shown),))
    except OSError as exc:
        return LoadResult(shown, None, (Diagnostic("KS001", f"cannot read the file: {exc.strerror or exc}", shown),))
    return load_remembered(path, raw, shown, load_text)
