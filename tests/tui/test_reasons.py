"""The reason window: optional by default, required with --require-reasons."""

from __future__ import annotations

from kremlin_sim.engine import read_log
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.reason import ReasonScreen

from .conftest import CONTRACT, Driver


async def test_required_reason_cannot_be_skipped(app_for):
    app = app_for(CONTRACT, require_reasons=True)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("1")
        await driver.on(ReasonScreen)
        await pilot.press("enter")
        await driver.shows("Please give a reason and how sure you are")
        await pilot.click("#decide")
        await pilot.pause()
        assert isinstance(app.screen, ReasonScreen)
        assert app.play.decisions_made == 0
        await driver.type("to reassure the West")
        await pilot.press("enter")          # with a reason typed, Enter moves on to the rating
        await pilot.pause()
        assert isinstance(app.screen, ReasonScreen)
        await pilot.click("#decide")
        await driver.shows("Please give how sure you are")
        await pilot.press("4")
        await pilot.click("#decide")
        await driver.on(OutcomeScreen)
        step = read_log(app.play.path).steps[0]
        assert (step["reason"], step["confidence"]) == ("to reassure the West", 4)
        assert str(app.screen.query_one("#your-reason").render()) == "Your reason: to reassure the West  ·  confidence 4/5"


async def test_optional_reason_is_skipped_with_enter(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("2")
        await driver.on(ReasonScreen)
        assert "optional" in driver.text()
        await pilot.press("enter")
        await driver.on(OutcomeScreen)
        step = read_log(app.play.path).steps[0]
        assert (step["choice"], step["reason"], step["confidence"]) == ("keep_zone", "", None)


async def test_escape_returns_to_the_choices_without_deciding(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("1")
        await driver.on(ReasonScreen)
        await pilot.press("escape")
        await driver.on(DecisionScreen)
        assert app.play.decisions_made == 0
        assert read_log(app.play.path).steps == []
