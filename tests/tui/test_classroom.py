"""`play --classroom`, as `serve` runs every browser tab: students cannot open the teacher's
files or change the teacher's settings, and find their own unfinished games by name."""

from __future__ import annotations

from kremlin_sim.engine import Session, read_log
from kremlin_sim.tui.app import build_app
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.help import HelpScreen
from kremlin_sim.tui.screens.new_game import NewGameScreen
from kremlin_sim.tui.screens.open_file import OpenFileScreen
from kremlin_sim.tui.screens.title import TitleScreen
from kremlin_sim.tui.widgets.option_list import OptionList

from .conftest import CAMPAIGN_FALLBACK, Driver, scenario_at


def classroom(options, scenario=None, **kwargs):
    return build_app(options(scenario, classroom=True, **kwargs))


def unfinished(saves, player: str, decisions: int):
    session = Session.start(scenario_at(CAMPAIGN_FALLBACK), saves, player)
    for _ in range(decisions):
        session.choose(next(o.choice.id for o in session.game.options() if o.available))
    return session.writer.path


def listed_players(app) -> list[str]:
    listing = app.screen.query_one("#saves-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt).split(" — ")[0] for i in range(listing.option_count)]


async def test_no_file_can_be_opened(options):
    app = classroom(options)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows("4 decision points")
        assert "Open a scenario file" not in driver.text()
        await pilot.press("o", "f1")             # Help comes up only after "o" was handled
        await driver.on(HelpScreen)
        assert not any(isinstance(screen, OpenFileScreen) for screen in app.screen_stack)


async def test_a_new_game_is_played_with_the_teachers_settings(options, saves):
    app = classroom(options, reveal="end", require_reasons=True)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows("4 decision points")
        await pilot.press("enter")
        await driver.on(NewGameScreen)
        assert not app.screen.query("#reveal") and not app.screen.query("#reasons")
        await driver.shows("what actually happened is shown at the end;")
        await driver.shows("a reason is asked with every decision")
        await driver.type("Mila")
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        settings = read_log(app.play.path).header["settings"]
        assert settings == {"reveal": "end", "require_reasons": True, "mode": "play"}


async def test_a_student_finds_only_the_games_played_under_their_name(options, saves):
    anna = unfinished(saves, "Anna Petrova", 2)
    unfinished(saves, "Boris", 1)
    unfinished(saves, "Anna", 1)
    app = classroom(options)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows("Type the name you played under")
        assert "Boris" not in driver.text() and "Anna" not in driver.text()
        app.screen.query_one("#find-name").focus()
        await driver.type("Borya")
        await driver.shows("No unfinished game under that")
        assert listed_players(app) == []
        await pilot.press(*["backspace"] * 5)
        await driver.type("anna  petrova")
        await driver.until(lambda: listed_players(app) == ["Anna Petrova"], "Anna Petrova's game alone")
        await pilot.press("enter")               # from the name to the list
        await driver.until(lambda: app.focused is app.screen.query_one("#saves-list"), "the list focused")
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        assert app.play.path == anna and app.play.decisions_made == 2


async def test_a_class_served_one_scenario_is_offered_only_that_one(options):
    app = classroom(options, CAMPAIGN_FALLBACK, name=None)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(NewGameScreen)
        await driver.shows("Coming back to a game? Press Esc")
        await pilot.press("escape")
        await driver.on(TitleScreen)
        await driver.shows("decision points")
        scenarios = app.screen.query_one("#scenarios", OptionList)
        assert [scenarios.get_option_at_index(i).id for i in range(scenarios.option_count)] == \
            [app.options.scenario.id]


async def test_outside_a_classroom_every_unfinished_game_is_listed(options, saves):
    unfinished(saves, "Anna", 1)
    unfinished(saves, "Boris", 1)
    app = build_app(options(None))
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.until(lambda: sorted(listed_players(app)) == ["Anna", "Boris"], "both games")
        assert "Open a scenario file" in driver.text()
