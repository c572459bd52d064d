"""The reason window is kept after its first use (for speed): asked again, it must be as new."""

from __future__ import annotations

from textual.widgets import Input

from kremlin_sim.engine import read_log
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.reason import ReasonScreen

from .conftest import CONTRACT, Driver


async def open_window(driver: Driver, *keys: str) -> None:
    """From the decision screen, press the keys (the last one a choice's number) until the window is up."""
    await driver.on(DecisionScreen)
    await driver.pilot.press(*keys)
    await driver.on(ReasonScreen)


async def fresh_window(app_for, number: str, *, theme_toggled: bool) -> tuple[str, str]:
    app = app_for(CONTRACT, require_reasons=True)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await open_window(driver, *(["t"] if theme_toggled else []), number)
        return driver.text(), app.export_screenshot(title="reason")


async def test_a_window_asked_again_is_blank_and_looks_new(app_for):
    app = app_for(CONTRACT, require_reasons=True)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await open_window(driver, "1")
        first = app.screen
        await pilot.press("enter")
        await driver.shows("Please give a reason and how sure you are")
        await driver.type("not this")
        await pilot.press("tab", "right", "4")
        assert first.confidence() == 4
        await pilot.press("escape")
        await open_window(driver, "t", "2")
        window = app.screen
        assert window is first  # kept, or this test tests nothing
        assert window.query_one("#reason", Input).value == ""
        assert window.confidence() is None
        assert window.focused is window.query_one("#reason", Input)
        text, picture = driver.text(), app.export_screenshot(title="reason")
    assert (text, picture) == await fresh_window(app_for, "2", theme_toggled=True)


async def test_the_kept_window_saves_only_the_new_answer(app_for):
    app = app_for(CONTRACT, require_reasons=True)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await open_window(driver, "1")
        await driver.type("old")
        await pilot.press("tab", "5")
        await pilot.press("escape")
        await open_window(driver, "1")
        await driver.type("new")
        await pilot.press("enter")             # the reason typed: on to the rating
        await pilot.click("#decide")
        await driver.shows("Please give how sure you are")
        await pilot.press("2")
        await pilot.click("#decide")
        await driver.on(OutcomeScreen)
        step = read_log(app.play.path).steps[0]
        assert (step["reason"], step["confidence"]) == ("new", 2)
