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
