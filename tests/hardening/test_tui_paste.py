"""Pastes of escape sequences, control characters and markup into the name and reason fields.

A terminal delivers a paste as one event with the text as it was copied. The
fields turn control characters into spaces as they take the text in, so nothing
raw reaches the terminal (nor the save log), and markup stays literal brackets:
nothing pasted is read as markup or acted on.
"""

from __future__ import annotations

import pytest
from textual import events

from kremlin_sim.engine import read_log
from kremlin_sim.tui.app import KremlinApp, build_app
from kremlin_sim.tui.options import AppOptions
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.new_game import NewGameScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.reason import ReasonScreen
from kremlin_sim.tui.screens.title import TitleScreen
from kremlin_sim.tui.widgets.inputs import printable

from hardening.test_tui_support import assert_saves_verify, campaign, raw_controls
from tui.conftest import Driver, screen_text

# clear the screen, set the window title (OSC 0, ended by BEL), markup, a right-to-left override, a NUL
HOSTILE = "A\x1b[2J\x1b]0;owned\x07[bold red]B[/]\u202eC\x00D"


async def paste(driver: Driver, text: str) -> None:
    driver.app.post_message(events.Paste(text))
    await driver.pilot.pause()


async def reason_window(driver: Driver) -> None:
    await driver.on(DecisionScreen)
    await driver.pilot.press("1")
    await driver.on(ReasonScreen)


async def name_window(driver: Driver) -> None:
    await driver.on(TitleScreen)
    await driver.shows(campaign().title)
    await driver.pilot.press("enter")
    await driver.on(NewGameScreen)
    assert driver.app.screen.query_one("#name").value == ""


def flat(app: KremlinApp) -> str:
    """The screen as one line, so a fragment wrapped over two rows is still found."""
    return " ".join(screen_text(app).split())


async def test_a_pasted_reason_is_saved_without_control_characters(tmp_path):
    app = build_app(AppOptions(scenario=campaign(), name="Paste", saves=tmp_path, cursor_blink=False))
    async with app.run_test(size=(120, 30)) as pilot:
        driver = Driver(app, pilot)
        await reason_window(driver)
        await paste(driver, HOSTILE + "\nsecond line")
        await pilot.click("#decide")
        await driver.on(OutcomeScreen)
        assert not raw_controls(screen_text(app))
        assert "[bold red]B[/]" in flat(app)
        assert app.return_code is None                 # [@click=...] and friends did nothing
    saved = read_log(app.play.path).steps[0]["reason"]
    assert saved == printable(HOSTILE).strip() and not raw_controls(saved)  # one line: the field keeps the first
    assert_saves_verify(tmp_path, app)


async def test_a_pasted_name_is_cleaned_before_it_is_saved_or_shown(tmp_path):
    saves = tmp_path / "saves"
    app = build_app(AppOptions(saves=saves, cursor_blink=False))
    async with app.run_test(size=(120, 30)) as pilot:
        driver = Driver(app, pilot)
        await name_window(driver)
        await paste(driver, HOSTILE)
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        player = app.play.player
        assert not raw_controls(player) and "[bold red]B[/]" in player
        await pilot.press("ctrl+q")
    assert read_log(app.play.path).player == player
    title = build_app(AppOptions(saves=saves, cursor_blink=False))
    async with title.run_test(size=(120, 30)) as pilot:
        driver = Driver(title, pilot)
        await driver.on(TitleScreen)
        await driver.shows("0 decisions made")
        assert "[bold red]B[/]" in driver.text() and not raw_controls(driver.text())


@pytest.mark.parametrize("field", ["name", "reason"])
async def test_a_field_never_shows_pasted_control_characters_raw(tmp_path, field):
    options = AppOptions(saves=tmp_path, cursor_blink=False) if field == "name" else \
        AppOptions(scenario=campaign(), name="Paste", saves=tmp_path, cursor_blink=False)
    app = build_app(options)
    async with app.run_test(size=(120, 30)) as pilot:
        driver = Driver(app, pilot)
        await (name_window if field == "name" else reason_window)(driver)
        await paste(driver, HOSTILE)
        await driver.until(lambda: "owned" in driver.text(), "the paste in the field")
        assert not raw_controls(driver.text()), sorted(raw_controls(driver.text()))
