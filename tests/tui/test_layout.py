"""Small terminals, resizing, and a terminal too small to play in."""

from __future__ import annotations

from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.help import HelpScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.title import TitleScreen
from kremlin_sim.tui.widgets.choices import ChoiceList

from .conftest import CAMPAIGN_FALLBACK, Driver, wheel


def visible(app, widget) -> bool:
    """At least one line of the widget is inside the terminal."""
    region = widget.region
    return region.height > 0 and region.y < app.size.height and region.y + region.height > 0


async def test_choices_reachable_at_60x20(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(60, 20)) as pilot:
        driver = Driver(app, pilot)
        await driver.choose("end_korea")
        await driver.next_screen()
        await driver.on(DecisionScreen)      # Berlin: four choices, one disabled with its reason
        choices = app.screen.query_one(ChoiceList)
        assert app.screen.has_class("-narrow") and app.screen.has_class("-short")
        assert visible(app, choices)
        assert "US–Soviet tension" in driver.text()
        for _ in range(len(choices.entries)):
            await pilot.press("down")
        for _ in range(len(choices.entries)):
            await wheel(pilot, choices)
        await driver.shows("✗ unavailable: Only a leader secure in the Presidium")
        await pilot.press("2")
        await pilot.press("enter")
        await driver.on(OutcomeScreen)
        assert app.play.game.steps[-1].choice == "concede"


async def test_resizing_keeps_the_game_going(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        for size in [(60, 20), (120, 40), (45, 14), (80, 24)]:
            await pilot.resize_terminal(*size)
            await driver.until(lambda: app.size == size, f"size {size}")
            assert "Terminal too small" not in driver.text()
            assert visible(app, app.screen.query_one(ChoiceList))
        await pilot.resize_terminal(30, 10)
        await driver.shows("Terminal too small")
        await pilot.resize_terminal(80, 24)
        await driver.until(lambda: "Terminal too small" not in driver.text(), "the game again")
        await driver.choose("end_korea")
        assert isinstance(app.screen, OutcomeScreen)


async def test_a_screen_resized_while_covered_comes_back_right(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        decision = app.screen
        await pilot.press("question_mark")
        await driver.on(HelpScreen)
        await pilot.resize_terminal(30, 10)
        await driver.shows("Terminal too small")
        await pilot.resize_terminal(60, 20)
        await pilot.press("escape")
        await driver.until(lambda: app.screen is decision, "the decision")
        assert not decision.has_class("-too-small") and decision.has_class("-narrow")


async def test_title_at_60x20_and_too_small(app_for):
    app = app_for(None)
    async with app.run_test(size=(60, 20)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows("Coexistence, 1953-56")
        await pilot.resize_terminal(39, 20)
        await driver.shows("Terminal too small")
