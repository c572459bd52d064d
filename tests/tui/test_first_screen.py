"""The screen a game opens on: the first decision straight away when nothing has to be asked first.

The first screen is Textual's default screen, so it is also the one the next
screen replaces; these tests check that the replacing works from every way in.
"""

from __future__ import annotations

from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.message import MessageScreen
from kremlin_sim.tui.screens.new_game import NewGameScreen
from kremlin_sim.tui.screens.title import TitleScreen

from .conftest import CAMPAIGN_FALLBACK, Driver


def names(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


async def test_a_named_game_opens_on_its_first_decision_and_moves_on(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        assert names(app) == ["DecisionScreen"]
        await driver.choose(driver.historical_pick())
        assert names(app) == ["OutcomeScreen"]
        await driver.next_screen()
        assert len(app.screen_stack) == 1


async def test_without_a_name_the_window_asks_over_the_loading_screen(app_for):
    app = app_for(CAMPAIGN_FALLBACK, name=None)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(NewGameScreen)
        assert names(app) == ["LoadingScreen", "NewGameScreen"]
        await driver.type("Ana")
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        assert names(app) == ["DecisionScreen"]
        assert app.play is not None and app.play.player == "Ana"


async def test_without_a_scenario_the_title_is_the_first_screen_and_gives_way(app_for):
    app = app_for(None, name=None)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        assert names(app) == ["TitleScreen"]
        await pilot.press("enter")                     # New game, on the first scenario offered
        await driver.on(NewGameScreen)
        await driver.type("Ana")
        await pilot.click("#start")
        await driver.on(DecisionScreen)
        assert names(app) == ["DecisionScreen"]


async def test_a_game_that_cannot_be_saved_says_so_and_starts_nothing(app_for, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the saves folder should be\n")
    app = app_for(CAMPAIGN_FALLBACK, saves=blocked)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(MessageScreen)
        await driver.shows("The game cannot be saved, so it cannot start")
        assert names(app) == ["LoadingScreen", "MessageScreen"]
        assert app.play is None
    assert blocked.read_text() == "a file where the saves folder should be\n"
