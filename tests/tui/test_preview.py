"""Teacher preview: jump to any decision point, exact effects, any branch, nothing saved."""

from __future__ import annotations

from kremlin_sim.engine import Rules
from kremlin_sim.tui.jump import state_for
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.ending import EndingScreen
from kremlin_sim.tui.screens.jump import JumpScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen

from .conftest import CAMPAIGN_FALLBACK, Driver, scenario_at


async def test_preview_jumps_shows_exact_effects_and_saves_nothing(app_for, saves):
    app = app_for(CAMPAIGN_FALLBACK, preview=True, name=None)
    async with app.run_test(size=(100, 40)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        assert "TEACHER PREVIEW" in driver.text()
        await driver.shows("US–Soviet tension −8 (60→52)")
        assert "→ leads to: Rising in East Berlin (berlin_rising)  sets: thaw" in driver.text()
        assert "flags: none" in driver.text()
        await pilot.press("j")
        await driver.on(JumpScreen)
        await pilot.press("down", "down", "down", "enter")
        await driver.on(DecisionScreen)
        assert app.play.game.decision.id == "hungary"
        assert "jumped here with the meters of the historical path" in driver.text()
        await pilot.press("2")                      # no reason window in a preview
        await driver.on(OutcomeScreen)
        await pilot.press("enter", "enter")
        await driver.on(EndingScreen)
        assert app.play.game.state.node == "coexistence"
        assert "teacher preview: it was not saved" in str(app.screen.query_one("#save-note").render())
    assert not saves.exists() or not any(saves.iterdir())
    assert app.exit_message == "" or "not saved" in app.exit_message


async def test_preview_lists_hidden_choices_for_the_teacher(app_for):
    app = app_for(CAMPAIGN_FALLBACK, preview=True)
    async with app.run_test(size=(100, 40)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("j")
        await driver.on(JumpScreen)
        await pilot.press("down", "enter")
        await driver.on(DecisionScreen)
        assert "A plan nobody sees" in driver.text()
        assert "hidden from players while unavailable" in driver.text()


def test_state_for_prefers_history_then_any_route():
    rules = Rules(scenario_at(CAMPAIGN_FALLBACK))
    state, how = state_for(rules, "austria")
    assert state.node == "austria" and "historical" in how
    assert "thaw" in state.flags
    start = rules.initial()
    assert state.meters != start.meters
