"""Load YAML text in memory and find the diagnostics a test expects."""

from __future__ import annotations

from kremlin_sim.scenario import load_text
from kremlin_sim.scenario.diagnostics import Diagnostic


def load(text: str):
    return load_text(text.encode("utf-8"), "s.yaml")


def codes(text: str) -> list[str]:
    return [d.code for d in load(text).diagnostics]


def only(text: str, code: str) -> Diagnostic:
    found = [d for d in load(text).diagnostics if d.code == code]
    assert len(found) == 1, f"expected one {code}, got {[d.format() for d in load(text).diagnostics]}"
    return found[0]


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing fragment."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if fragment in line]
    return hits[occurrence - 1]


def column_of(text: str, fragment: str, occurrence: int = 1) -> int:
    line = text.splitlines()[line_of(text, fragment, occurrence) - 1]
    return line.index(fragment) + 1
