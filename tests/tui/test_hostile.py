"""Scenario and save text is shown as written, never read as markup."""

from __future__ import annotations

from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.ending import EndingScreen
from kremlin_sim.tui.screens.help import HelpScreen
from kremlin_sim.tui.screens.message import MessageScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.title import TitleScreen

from .conftest import HOSTILE, Driver

MARKUP = "[1956] [/b] [@click=app.quit] [red]x[/red]"


def assert_literal(driver: Driver, *labels: str) -> None:
    flat = " ".join(driver.text().split())
    for label in labels:
        assert f"{label} {MARKUP}" in flat, f"{label!r} is not shown literally:\n{driver.text()}"


async def test_hostile_text_on_every_screen(app_for):
    app = app_for(HOSTILE, name="[b]Kid[/b] [@click=app.quit]")
    async with app.run_test(size=(160, 60)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await driver.shows("Briefing")
        assert_literal(driver, "Decision title", "Briefing", "Adviser", "Role", "Position", "Choice label",
                       "Choice text", "Locked choice", "Unavailable reason")
        assert "Tension [1956]" in driver.text()       # the meter panel: shortened to fit, still literal
        await pilot.click("#decision-title")       # clicking the text runs no action
        await pilot.press("1")
        await driver.on(type(app.screen))
        await pilot.click("#decide")
        await driver.on(OutcomeScreen)
        assert_literal(driver, "Why", "Known then")
        await pilot.press("enter")
        await driver.shows("What actually happened")
        assert_literal(driver, "What happened", "Consequences", "Quote", "Quoted", "Quote date", "Source author",
                       "Source title", "Question", "History date")
        await pilot.press("question_mark")
        await driver.on(HelpScreen)
        assert_literal(driver, "Tension", "Meter description", "Standing", "Standing description")
        await pilot.press("escape")
        await driver.on(OutcomeScreen)
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        await pilot.press("1")
        await driver.on(type(app.screen))
        await pilot.click("#decide")
        await driver.on(OutcomeScreen)
        await pilot.press("enter", "enter")
        await driver.on(EndingScreen)
        assert_literal(driver, "Ending title", "Style", "Ending text")
        rows = [[str(cell) for cell in app.screen.query_one("#debrief").get_row_at(i)] for i in range(2)]
        assert rows[0][2:5] == [f"Decision title {MARKUP}", f"Choice label {MARKUP}", f"Choice label {MARKUP}"]
        assert f"Instead {MARKUP}" in rows[1][4]
        assert app.is_running
        assert app.play.player == "[b]Kid[/b] [@click=app.quit]"


async def test_hostile_names_on_the_title_screen(app_for, options, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(f'format: 1\nid: x\ntitle: "{MARKUP}"\n"{MARKUP}": 1\n', encoding="utf-8")
    from kremlin_sim.tui.app import build_app
    app = build_app(options(None, bundled=lambda: {"hostile": HOSTILE, "broken": broken}))
    async with app.run_test(size=(120, 40)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows("Title [1956]")
        assert_literal(driver, "Title", "Period")
        await pilot.press("down", "enter")
        await driver.on(MessageScreen)
        shown = [str(line.render()) for line in app.screen.query(".message-line")]
        assert shown and all(": error KS" in line for line in shown)
        assert any(MARKUP in line for line in shown), shown
        assert "Traceback" not in driver.text()
        assert app.is_running
