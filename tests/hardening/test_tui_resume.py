"""Quitting the TUI mid-decision, then continuing: the log holds exactly the finished decisions.

`tests/tui/test_resume.py` already quits on the reason window of the test
campaign and resumes. Added here, on the bundled campaign: quitting on the
decision screen itself, on the reason window with a reason typed and a
confidence set, and on the outcome; quitting from the command palette; and one
game played over several sessions to its end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kremlin_sim.engine import read_log, replay, scenario_for_log
from kremlin_sim.tui.app import KremlinApp, build_app
from kremlin_sim.tui.options import AppOptions
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.ending import EndingScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.reason import ReasonScreen

from hardening.test_tui_support import (
    assert_saves_verify, campaign, decisions_to_the_end, historical_pick, saved_game,
)
from tui.conftest import Driver

SIZE = (80, 24)
UNSAID = "a reason never decided"


def new_game(saves: Path) -> KremlinApp:
    return build_app(AppOptions(scenario=campaign(), name="Quitter", saves=saves, cursor_blink=False))


def resumed(path: Path, saves: Path) -> KremlinApp:
    return build_app(AppOptions(resume=path, saves=saves, cursor_blink=False))


async def decide(driver: Driver, times: int) -> None:
    for _ in range(times):
        await driver.choose(historical_pick(driver.app.play.game))
        await driver.next_screen()


async def leave_on(driver: Driver, where: str) -> None:
    """Get to `where` in the middle of the next decision (or just after it, for the outcome)."""
    app, pilot = driver.app, driver.pilot
    await driver.on(DecisionScreen)
    number = next(o.number for o in app.play.game.options() if o.choice.id == historical_pick(app.play.game))
    if where == "reason":
        await pilot.press(str(number))
        await driver.on(ReasonScreen)
        await driver.type(UNSAID)
        await pilot.press("tab", "4")
        await driver.until(lambda: app.screen.confidence() == 4, "confidence 4")
    elif where == "outcome":
        await driver.choose(historical_pick(app.play.game))


def assert_log_holds(path: Path, decisions: int) -> None:
    log = read_log(path)
    assert len(log.steps) == decisions and not log.finished and not log.truncated
    assert [step["n"] for step in log.steps] == list(range(1, decisions + 1))
    assert all(step["reason"] != UNSAID for step in log.steps)
    verdict = replay(log, scenario_for_log(log))
    assert verdict.ok, verdict.problems


@pytest.mark.parametrize("where, saved", [("decision", 2), ("reason", 2), ("outcome", 3)])
async def test_quit_mid_decision_then_resume_at_the_same_point(tmp_path, where, saved):
    saves = tmp_path / "saves"
    app = new_game(saves)
    async with app.run_test(size=SIZE) as pilot:
        driver = Driver(app, pilot)
        await decide(driver, 2)
        await leave_on(driver, where)
        state, path = app.play.game.state, app.play.path
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert f"({saved} decisions)" in app.exit_message and f"play --resume {path}" in app.exit_message
    assert_log_holds(path, saved)

    again = resumed(path, saves)
    async with again.run_test(size=SIZE) as pilot:
        driver = Driver(again, pilot)
        await driver.on(DecisionScreen)
        assert again.play.game.state == state   # for the outcome: the decision after it
        assert again.play.path == path and again.play.player == "Quitter"
        decision = again.play.game.decision
        text = " ".join(driver.text().split())
        assert f"decision {saved + 1}" in text and decision.title in text
        await driver.choose(historical_pick(again.play.game), reason="after the break")
    assert_log_holds(path, saved + 1)
    assert read_log(path).steps[-1]["reason"] == "after the break"
    assert_saves_verify(saves)


async def test_save_and_quit_from_the_command_palette(tmp_path):
    saves = tmp_path / "saves"
    app = new_game(saves)
    async with app.run_test(size=SIZE) as pilot:
        driver = Driver(app, pilot)
        await decide(driver, 1)
        await leave_on(driver, "reason")
        path = app.play.path
        await pilot.press("ctrl+p")
        await driver.type("save and quit")
        await driver.shows("Your decisions are already saved")
        await pilot.press("enter")
        await driver.until(lambda: app.return_code is not None, "the app to exit")
    assert app.return_code == 0 and "(1 decision)" in app.exit_message
    assert_log_holds(path, 1)


async def test_a_game_over_four_sessions_reaches_its_end(tmp_path):
    """Quit on a decision, on a reason, on an outcome, then play on: the log is one whole game.
    (The first half of the game is made through the engine, to keep the test short.)"""
    saves = tmp_path / "saves"
    made = decisions_to_the_end() - 6
    path = saved_game(saves, made, player="Quitter").path
    for where in ["decision", "reason", "outcome", None]:
        app = resumed(path, saves)
        async with app.run_test(size=SIZE) as pilot:
            driver = Driver(app, pilot)
            await driver.on(DecisionScreen)
            assert app.play.decisions_made == made and app.play.path == path
            if where is None:
                await driver.play_along_history()
                assert isinstance(app.screen, EndingScreen)
            else:
                await decide(driver, 1)
                await leave_on(driver, where)
                await pilot.press("ctrl+q")
            made = app.play.decisions_made
        assert app.return_code in (None, 0), where
    assert app.play.game.is_over
    log = read_log(path)
    assert log.finished and len(log.steps) == made == decisions_to_the_end()
    assert_saves_verify(saves)
    assert len(list(saves.glob("*.jsonl"))) == 1   # one game, continued, not four


async def test_quitting_on_the_outcome_of_the_last_decision_finishes_the_game(tmp_path):
    """The end line is written with the last decision, before its outcome is read: nothing to resume."""
    saves = tmp_path / "saves"
    path = saved_game(saves, decisions_to_the_end() - 1, player="Quitter").path
    app = resumed(path, saves)
    async with app.run_test(size=SIZE) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await driver.choose(historical_pick(app.play.game))
        await driver.on(OutcomeScreen)
        await pilot.press("ctrl+q")
    assert app.return_code == 0 and "kremlin-sim debrief" in app.exit_message
    assert read_log(path).finished
    assert_saves_verify(saves)
