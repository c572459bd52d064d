"""Pictures of the main screens at 80×24 in both themes (pytest-textual-snapshot).

Deterministic: a fixed player and scenario, an empty saves folder given by a
relative path, a fixed save file name, and no cursor blink.
Regenerate after a deliberate change: pytest tests/tui --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kremlin_sim.tui.options import DARK, LIGHT
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.ending import EndingScreen
from kremlin_sim.tui.screens.help import HelpScreen
from kremlin_sim.tui.screens.title import TitleScreen

from .conftest import CAMPAIGN_FALLBACK, Driver

THEMES = pytest.mark.parametrize("theme", [DARK, LIGHT])


@pytest.fixture
def snap_app(app_for, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("kremlin_sim.engine.savelog.save_name", lambda scenario, player, now=None: "game.jsonl")

    def make(scenario=CAMPAIGN_FALLBACK, **kwargs):
        return app_for(scenario, saves=Path("saves"), name="Comrade Test", **kwargs)
    return make


@THEMES
def test_title(snap_app, snap_compare, theme):
    async def ready(pilot):
        driver = Driver(pilot.app, pilot)
        await driver.on(TitleScreen)
        await pilot.app.workers.wait_for_complete()
        await driver.shows("4 decision points")
        await driver.shows("No unfinished games")
    assert snap_compare(snap_app(None, theme=theme), run_before=ready)


@THEMES
def test_decision(snap_app, snap_compare, theme):
    async def ready(pilot):
        driver = Driver(pilot.app, pilot)
        await driver.on(DecisionScreen)
        await driver.shows("Touches:")
    assert snap_compare(snap_app(theme=theme), run_before=ready)


@THEMES
def test_outcome_with_history(snap_app, snap_compare, theme):
    async def ready(pilot):
        driver = Driver(pilot.app, pilot)
        await driver.choose("fight_on")
        await pilot.press("enter")
        await driver.shows("What actually happened")
    assert snap_compare(snap_app(theme=theme), run_before=ready)


@THEMES
def test_ending(snap_app, snap_compare, theme):
    async def ready(pilot):
        driver = Driver(pilot.app, pilot)
        await driver.play_along_history()
        await driver.on(EndingScreen)
    assert snap_compare(snap_app(theme=theme, reveal="end"), run_before=ready)


@THEMES
def test_help(snap_app, snap_compare, theme):
    async def ready(pilot):
        driver = Driver(pilot.app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("f1")
        await driver.on(HelpScreen)
    assert snap_compare(snap_app(theme=theme), run_before=ready)
