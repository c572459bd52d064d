"""Shared fixtures: the small valid scenario every layer's tests start from."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "src" / "kremlin_sim" / "scenario" / "template.yaml"
CONTRACT = ROOT / "docs" / "format-contract.yaml"
SCENARIOS = ROOT / "scenarios"


@pytest.fixture
def template_text() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


@pytest.fixture
def contract_text() -> str:
    return CONTRACT.read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_home(tmp_path_factory: pytest.TempPathFactory):
    """Loading a bundled scenario remembers the result in the user's cache folder
    (scenario/cache.py): the suite, and the programs it starts, keep theirs in a
    temporary one, and leave the home folder of whoever runs them alone."""
    import os

    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved
