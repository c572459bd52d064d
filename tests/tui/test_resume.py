"""Quit mid-game, then continue: from the command line option and from the title screen."""

from __future__ import annotations

from kremlin_sim.engine import read_log
from kremlin_sim.tui.saves import unfinished_games
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.message import MessageScreen
from kremlin_sim.tui.screens.reason import ReasonScreen
from kremlin_sim.tui.screens.title import TitleScreen

from .conftest import CAMPAIGN_FALLBACK, CONTRACT, Driver


async def play_two_then_quit(app_for, **kwargs):
    app = app_for(CAMPAIGN_FALLBACK, **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.choose("end_korea")
        await driver.next_screen()
        await driver.choose("send_tanks")
        await driver.next_screen()
        await pilot.press("1")                 # a third decision in progress...
        await driver.on(ReasonScreen)
        state = app.play.game.state
        await pilot.press("ctrl+q")            # ...is lost; the two before are saved
    return app, state


async def test_quit_mid_game_then_resume_at_the_same_decision(app_for, options):
    app, state = await play_two_then_quit(app_for)
    path = app.play.path
    assert "kremlin-sim play --resume" in app.exit_message and str(path) in app.exit_message
    assert len(read_log(path).steps) == 2

    from kremlin_sim.tui.app import build_app
    resumed = build_app(options(None, resume=path))
    async with resumed.run_test(size=(80, 24)) as pilot:
        driver = Driver(resumed, pilot)
        await driver.on(DecisionScreen)
        assert resumed.play.game.state == state
        assert resumed.play.game.decision.id == "austria"
        text = driver.text()
        assert "Austria" in text and "decision 3" in text
        for meter, value in resumed.play.game.meters.items():
            assert value == state.meters[[m.id for m in resumed.play.scenario.meters].index(meter)]
        await driver.choose("neutral")
        assert len(read_log(path).steps) == 3


async def test_title_lists_unfinished_games_and_continues_one(app_for, options, saves):
    await play_two_then_quit(app_for, name="Sasha")
    games = unfinished_games(saves)
    assert [(g.player, g.decisions) for g in games] == [("Sasha", 2)]
    from kremlin_sim.tui.app import build_app
    app = build_app(options(None))
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows("2 decisions made")
        assert "Sasha" in driver.text() and "Coexistence, 1953-56" in driver.text()
        await pilot.press("tab", "enter")     # from the scenarios to the saved games
        await driver.on(DecisionScreen)
        assert app.play.player == "Sasha" and app.play.game.decision.id == "austria"


async def test_a_finished_game_is_not_resumed_but_explained(app_for, options):
    app = app_for(CONTRACT)
    async with app.run_test(size=(80, 24)) as pilot:
        await Driver(app, pilot).play_along_history()
    from kremlin_sim.tui.app import build_app
    again = build_app(options(None, resume=app.play.path))
    async with again.run_test(size=(80, 24)) as pilot:
        driver = Driver(again, pilot)
        await driver.on(MessageScreen)
        assert "already finished" in driver.text()
        await pilot.press("enter")
        await driver.on(TitleScreen)


async def test_a_damaged_save_is_a_message_not_a_traceback(options, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("this is not a save\n", encoding="utf-8")
    from kremlin_sim.tui.app import build_app
    app = build_app(options(None, resume=bad))
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(MessageScreen)
        assert "not a kremlin-sim save log" in driver.text()
        assert "Traceback" not in driver.text()


async def test_resume_tells_the_player_when_the_scenario_was_edited(app_for, options, tmp_path):
    copy = tmp_path / "campaign.yaml"
    copy.write_text(CAMPAIGN_FALLBACK.read_text(encoding="utf-8"), encoding="utf-8")
    app = app_for(copy)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.choose("end_korea")
        await pilot.press("ctrl+q")
    copy.write_text(copy.read_text(encoding="utf-8").replace("A short campaign", "An edited campaign"),
                    encoding="utf-8")
    from kremlin_sim.tui.app import build_app
    resumed = build_app(options(None, resume=app.play.path))
    async with resumed.run_test(size=(80, 24)) as pilot:
        driver = Driver(resumed, pilot)
        await driver.on(MessageScreen)
        assert "edited since this game began" in " ".join(driver.text().split())
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        assert resumed.play.game.decision.id == "berlin_rising"
