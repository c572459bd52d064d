"""Whole games through the screens, along history, in every reveal mode."""

from __future__ import annotations

import pytest

from kremlin_sim.engine import historical_path, read_log
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.ending import EndingScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen

from .conftest import CAMPAIGN_FALLBACK, CONTRACT, TEMPLATE, Driver, bundled_or, scenario_at


def expected_end(path):
    scenario = scenario_at(path)
    app_rules = __import__("kremlin_sim.engine", fromlist=["Rules"]).Rules(scenario)
    points, final = historical_path(app_rules)
    return scenario, points, final


@pytest.mark.parametrize("name, fallback, reveal", [
    ("peaceful-coexistence", CAMPAIGN_FALLBACK, "each"),
    ("hungary-1956", CONTRACT, "end"),
    ("austria-1955", TEMPLATE, "never"),
    ("tui-campaign", CAMPAIGN_FALLBACK, "end"),
    ("tui-campaign", CAMPAIGN_FALLBACK, "never"),
])
async def test_along_history_in_each_reveal_mode(app_for, name, fallback, reveal):
    """The campaign and both lessons to their ending; our stand-in campaign in the other modes too."""
    path = bundled_or(name, fallback)
    scenario, points, final = expected_end(path)
    app = app_for(path, reveal=reveal)
    seen_history = []

    async def check_outcome(driver: Driver):
        assert "What changed" in driver.text()
        screen = driver.app.screen
        if reveal == "each" and screen.turn.decision.history is not None:
            assert "What could you have known then?" in str(screen.query_one("#known-then .heading").render())
            await driver.pilot.press("enter")
            await driver.shows("What actually happened")
            seen_history.append(True)
        else:
            assert not screen.query("#history") or reveal == "each"

    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        made = await driver.play_along_history(on_outcome=check_outcome)
        assert made == len(points)
        assert app.play.game.state == final
        text = driver.text()
        assert "THE END" in text
        ending = scenario.ending(final.node)
        assert ending.title in text
        table = app.screen.query_one("#debrief")
        labels = [str(column.label) for column in table.columns.values()]
        assert ("History" in labels) == (reveal != "never")
        if reveal == "end":
            assert len(app.screen.query(".end-history")) == sum(1 for p in points if scenario.decision(p.node).history)
        log = read_log(app.play.path)
        assert log.finished and len(log.steps) == made
        assert log.header["settings"]["reveal"] == reveal
    with_history = sum(1 for p in points if scenario.decision(p.node).history)
    assert len(seen_history) == (with_history if reveal == "each" else 0)


@pytest.mark.parametrize("name, fallback", [("hungary-1956", CONTRACT), ("austria-1955", TEMPLATE)])
async def test_lesson_along_history(app_for, name, fallback):
    path = bundled_or(name, fallback)
    scenario, points, final = expected_end(path)
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        made = await driver.play_along_history(reason="it seemed wise", confidence=3)
        assert made == len(points)
        assert app.play.game.state == final
        assert isinstance(app.screen, EndingScreen)
        log = read_log(app.play.path)
        assert [s["confidence"] for s in log.steps] == [3] * made
        assert all(s["reason"] == "it seemed wise" for s in log.steps)
        assert "kremlin-sim debrief" in str(app.screen.query_one("#save-note").render())


async def test_outcome_shows_changes_with_why_and_the_match(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(100, 40)) as pilot:
        driver = Driver(app, pilot)
        await driver.choose("keep_zone")
        text = driver.text()
        assert "60 → 65" in text and "+5" in text
        assert "The West reads it as a refusal to talk." in text
        await pilot.press("enter")
        await driver.shows("Different from history")
        assert "Offer a neutral, reunited Austria" in driver.text()
        await pilot.press("enter")
        await driver.on(EndingScreen)
        assert "Austria stays divided" in driver.text()


async def test_ending_plots_label_both_paths(app_for):
    app = app_for(CONTRACT)
    async with app.run_test(size=(100, 60)) as pilot:
        driver = Driver(app, pilot)
        await driver.play_along_history()
        text = driver.text()
        assert "● you  ○ history  ◉ both" in text
        assert text.count("history ") >= 2 and "you " in text
        note = str(app.screen.query_one("#save-note").render())
        assert f"kremlin-sim debrief {app.play.path}" in note


async def test_decision_screen_always_shows_meters_and_timeline(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        text = driver.text()
        assert "▶1953◀" in text and "1956" in text
        assert "US–Soviet tension" in text and " 60" in text
        await driver.choose("end_korea")
        assert isinstance(app.screen, OutcomeScreen)
        text = driver.text()
        assert "52 ▼−8" in text
        assert "▶1953◀" in text
