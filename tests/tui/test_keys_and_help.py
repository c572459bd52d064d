"""Keys, help, the command palette's commands, the theme, and quitting."""

from __future__ import annotations

from kremlin_sim.tui.options import DARK, LIGHT
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.help import HelpScreen
from kremlin_sim.tui.screens.new_game import NewGameScreen
from kremlin_sim.tui.screens.reason import ReasonScreen

from .conftest import CAMPAIGN_FALLBACK, CONTRACT, Driver


async def test_help_explains_keys_meters_and_model(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("f1")
        await driver.on(HelpScreen)
        meters = str(app.screen.query_one("#help-meters").render())
        assert "Control of the bloc  (0 to 100, starts at 70)" in meters
        assert "How firmly Moscow holds Eastern Europe." in meters
        keys = str(app.screen.query_one("#help-keys").render())
        assert "Ctrl+Q" in keys and "1 – 9" in keys
        model = app.screen.query_one("#help-model")
        assert "no score and no right answer" in model.source and "argue" in model.source
        await pilot.press("question_mark")
        await driver.on(DecisionScreen)


async def test_footer_lists_the_keys(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(100, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        footer = driver.text().splitlines()[-1]
        for key in ("1-9 Choose", "^q Save & quit", "? Help", "t Theme", "^p palette"):
            assert key in footer


async def test_palette_offers_save_and_quit_help_and_theme(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        await Driver(app, pilot).on(DecisionScreen)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Save and quit", "Help", "Light or dark theme", "Theme"} <= set(titles)
        assert titles.count("Quit") == 0
        await pilot.press("ctrl+p")
        await pilot.press(*"light")
        await pilot.press("enter")
        await Driver(app, pilot).until(lambda: app.theme == LIGHT, "the light theme")


async def test_theme_key_toggles_and_is_kept_between_screens(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        assert app.theme == DARK
        await pilot.press("t")
        assert app.theme == LIGHT
        await driver.choose("neutral_austria")
        assert app.theme == LIGHT
        await pilot.press("t")
        assert app.theme == DARK


async def test_typing_t_in_a_reason_types_it(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("1")
        await driver.on(ReasonScreen)
        await pilot.press("t", "question_mark")
        assert app.screen.query_one("#reason").value == "t?"
        assert app.theme == DARK


async def test_a_number_for_an_unavailable_choice_says_why(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        driver = Driver(app, pilot)
        await driver.choose("end_korea")
        await driver.next_screen()
        await pilot.press("3")
        await driver.until(lambda: bool(app._notifications), "a notification")
        note = list(app._notifications)[-1]
        assert "Only a leader secure in the Presidium could try this." in note.message
        assert isinstance(app.screen, DecisionScreen) and app.play.decisions_made == 1


async def test_students_see_which_meters_a_choice_touches_not_how_much(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        touches = str(app.screen.query_one("#touches").render())
        assert touches == "Touches: US–Soviet tension, Standing in the Presidium"
        await pilot.press("down")
        await driver.until(lambda: str(app.screen.query_one("#touches").render()) == "Touches: US–Soviet tension",
                           "the second choice's meters")
        assert "+5" not in driver.text() and "−8" not in driver.text()


async def test_quit_on_the_decision_screen_says_how_to_resume(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        await Driver(app, pilot).on(DecisionScreen)
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert f"kremlin-sim play --resume {app.play.path}" in app.exit_message


async def test_a_scenario_without_a_name_asks_for_one(app_for):
    app = app_for(CONTRACT, name=None)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(NewGameScreen)
        assert not app.screen.query("#reveal")      # the command line already chose the reveal mode
        await pilot.press("enter")
        await driver.shows("Type a name or a pseudonym to start.")
        await driver.type("Lena")
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        assert app.play.player == "Lena"
