"""Crashes the key fuzzer (test_tui_fuzz.py) found, each replayed as the shortest sequence that showed it.

All five ended the game with a traceback before they were fixed:
- PageDown in one of our lists hidden by a terminal too small (widgets/option_list.py);
- PageUp/PageDown in Textual's command palette before its list had rows on screen (palette.py);
- Enter pressed three times, faster than the app handles it, in the reason window or the
  command palette: the window, already closed, closed the game screen under it, then
  Textual raised ScreenStackError (KremlinApp.pop_screen);
- the command palette in a 4x4 terminal: its list had no width to wrap prompts in (app.tcss).
"""

from __future__ import annotations

import pytest

from kremlin_sim.engine import read_log
from kremlin_sim.tui.app import KremlinApp, build_app
from kremlin_sim.tui.options import AppOptions
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.help import HelpScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.title import TitleScreen

from hardening.test_tui_support import assert_saves_verify, campaign, send_burst
from tui.conftest import Driver

NOTICE = "Terminal too small"


def on_campaign(saves) -> KremlinApp:
    return build_app(AppOptions(scenario=campaign(), name="Found", saves=saves, cursor_blink=False))


def stack(app: KremlinApp) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


@pytest.mark.parametrize("start", ["title", "decision"])
async def test_page_keys_in_a_list_hidden_by_a_tiny_terminal(tmp_path, start):
    """A list hidden under "too small" keeps the focus when the help above it closes."""
    app = build_app(AppOptions(saves=tmp_path, cursor_blink=False)) if start == "title" else on_campaign(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        screen_type = TitleScreen if start == "title" else DecisionScreen
        await driver.on(screen_type)
        await pilot.press("down", "f1")
        await driver.on(HelpScreen)
        await pilot.resize_terminal(30, 10)
        await pilot.press("escape")
        await driver.on(screen_type)
        await pilot.press("pagedown", "pageup", "pagedown")
        await pilot.resize_terminal(80, 24)
        await driver.until(lambda: NOTICE not in driver.text(), "the screen again")
        await pilot.press("pagedown", "pageup")
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("rows", [1, 4])
async def test_command_palette_page_keys_in_a_terminal_a_few_rows_high(tmp_path, rows):
    app = on_campaign(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("ctrl+p")
        await pilot.press("down", "down")
        await pilot.resize_terminal(80, rows)
        await pilot.press("pagedown", "pageup")
        await pilot.resize_terminal(80, 24)
        await pilot.press("pagedown", "escape")
        await driver.on(DecisionScreen)
    assert app.return_code in (None, 0)


async def test_page_up_typed_into_the_palette_before_it_lists_anything(tmp_path):
    app = on_campaign(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("ctrl+p")
        await send_burst(app, pilot, [("type", "he"), ("key", "pageup"), ("key", "pagedown")])
        await pilot.press("escape")
        await driver.on(DecisionScreen)
    assert app.return_code in (None, 0)


async def test_enter_three_times_in_the_reason_window_makes_one_decision(tmp_path):
    app = on_campaign(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await send_burst(app, pilot, [("key", "1"), ("key", "enter"), ("key", "enter"), ("key", "enter")])
        await driver.on(OutcomeScreen)
        assert stack(app) == ["OutcomeScreen"]
        assert app.play.decisions_made == 1
        await driver.next_screen()                     # and the game goes on
        await driver.on(DecisionScreen)
    assert app.return_code in (None, 0)
    assert len(read_log(app.play.path).steps) == 1
    assert_saves_verify(tmp_path, app)


async def test_enter_three_times_in_the_command_palette_runs_one_command(tmp_path):
    app = on_campaign(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("ctrl+p")
        await driver.type("help")
        await send_burst(app, pilot, [("key", "enter")] * 3)
        await driver.on(HelpScreen)
        assert stack(app) == ["DecisionScreen", "HelpScreen"]
        await pilot.press("escape")
        await driver.on(DecisionScreen)
    assert app.return_code in (None, 0)


async def test_a_path_longer_than_the_system_allows_is_just_not_there(tmp_path):
    """A 5,000-character paste in "Open a scenario file" made is_file() raise ENAMETOOLONG."""
    from kremlin_sim.tui.screens.open_file import OpenFileScreen

    app = build_app(AppOptions(saves=tmp_path, cursor_blink=False))
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await pilot.press("o")
        await driver.on(OpenFileScreen)
        app.screen.query_one("#path").value = "x" * 5000
        await pilot.press("enter")
        await driver.shows("There is no file at")
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("open_first", [False, True])
async def test_the_command_palette_in_a_tiny_terminal(tmp_path, open_first):
    app = build_app(AppOptions(saves=tmp_path, cursor_blink=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await Driver(app, pilot).on(TitleScreen)
        if open_first:
            await pilot.press("ctrl+p")
        await pilot.resize_terminal(4, 4)
        await pilot.pause()
        if not open_first:
            await pilot.press("ctrl+p")
        await pilot.press("h", "e")
        await pilot.pause()
        assert stack(app) == ["TitleScreen", "Palette"]
        await pilot.resize_terminal(80, 24)
        await pilot.press("escape")
        await Driver(app, pilot).on(TitleScreen)
    assert app.return_code in (None, 0)
