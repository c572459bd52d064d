"""The scenarios that ship with the program, found whether installed or run from a checkout."""

from __future__ import annotations

import os
from pathlib import Path

CAMPAIGN = "peaceful-coexistence"


def bundled_dir() -> Path:
    """The installed package carries `scenarios/`; a source checkout keeps it at the top."""
    installed = Path(__file__).resolve().parent.parent / "scenarios"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "scenarios"


def bundled_paths() -> dict[str, Path]:
    folder = bundled_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def resolve(name_or_path: str) -> Path:
    """A scenario argument is a path to a YAML file or the id of a bundled scenario."""
    path = Path(name_or_path)
    # os.path.exists, unlike Path.exists, answers False for a name the OS refuses (too long)
    if os.path.exists(path) or path.suffix in (".yaml", ".yml") or "/" in name_or_path:
        return path
    return bundled_paths().get(name_or_path, path)
