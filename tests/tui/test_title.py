"""The title screen: bundled scenarios, a file, the name and reveal mode."""

from __future__ import annotations

from kremlin_sim.engine import read_log
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.message import MessageScreen
from kremlin_sim.tui.screens.new_game import NewGameScreen
from kremlin_sim.tui.screens.open_file import OpenFileScreen
from kremlin_sim.tui.screens.title import TitleScreen

from .conftest import CONTRACT, Driver


async def test_new_game_from_a_bundled_scenario_with_settings(app_for):
    app = app_for(None)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows("4 decision points")
        await pilot.press("enter")
        await driver.on(NewGameScreen)
        await driver.type("Mila")
        await pilot.click("#reveal-never")
        await pilot.click("#reasons")
        await pilot.click("#start")
        await driver.on(DecisionScreen)
        header = read_log(app.play.path).header
        assert header["player"] == "Mila"
        assert header["settings"] == {"reveal": "never", "require_reasons": True, "mode": "play"}


async def test_open_a_file_then_back_to_title(app_for, tmp_path):
    app = app_for(None)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await pilot.press("o")
        await driver.on(OpenFileScreen)
        await driver.type(str(tmp_path / "missing.yaml"))
        await pilot.press("enter")
        await driver.shows("There is no file at")
        app.screen.query_one("#path").value = str(CONTRACT)
        await pilot.press("enter")
        await driver.on(NewGameScreen)
        await driver.shows("Austria 1955: a short example")
        await pilot.press("escape")
        await driver.on(TitleScreen)


async def test_an_invalid_file_lists_its_errors(app_for, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\n", encoding="utf-8")
    app = app_for(None)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await pilot.press("o")
        await driver.on(OpenFileScreen)
        app.screen.query_one("#path").value = str(bad)
        await pilot.press("enter")
        await driver.on(MessageScreen)
        lines = [str(line.render()) for line in app.screen.query(".message-line")]
        assert lines and all(line.startswith(f"{bad}:") and "error KS" in line for line in lines)
