"""The briefing column of a decision: one scrolling widget for plain prose, Textual's Markdown for the rest."""

from __future__ import annotations

import pytest

from kremlin_sim.tui.options import LIGHT
from kremlin_sim.tui.screens import decision
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.widgets.briefing import Briefing
from kremlin_sim.tui.widgets.scrolling import BAR, THUMB

from .conftest import CAMPAIGN_FALLBACK, Driver, screen_cells, wheel

MARKDOWN_BRIEFING = "Stalin died this morning.\n\n- Malenkov wants peace.\n- Molotov wants none.\n\nDecide."


def looks(app) -> list[list[tuple[str, object]]]:  # type: ignore[no-untyped-def]
    """Each cell's character and look, without the meta Textual keeps for the mouse and text selection."""
    return [[(char, style.clear_meta_and_links() if style else None) for char, style in row]
            for row in screen_cells(app)]


def thumb_rows(app) -> list[int]:  # type: ignore[no-untyped-def]
    return sorted({y for y, row in enumerate(screen_cells(app)) for _, style in row
                   if style is not None and style.meta.get(BAR) == THUMB})


async def seen(app, size, scroll: int = 0):  # type: ignore[no-untyped-def]
    """The decision screen at `size`, its briefing scrolled `scroll` notches of the wheel, and whether
    the briefing is the one widget of the fast path."""
    async with app.run_test(size=size) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await driver.shows("Stalin died this morning")
        for _ in range(scroll):
            await wheel(pilot, "#briefing-scroll", offset=(3, 3))
        for _ in range(5):
            await pilot.pause()
        return looks(app), bool(app.screen.query(Briefing))


@pytest.mark.parametrize("size", [(80, 24), (60, 16), (80, 15)])
@pytest.mark.parametrize("scroll", [0, 1])
async def test_plain_prose_looks_as_the_markdown_widget_draws_it(app_for, monkeypatch, size, scroll):
    fast, one_widget = await seen(app_for(CAMPAIGN_FALLBACK), size, scroll)
    monkeypatch.setattr(decision, "prose_content", lambda text: None)  # as if the prose needed Markdown
    slow, still_one_widget = await seen(app_for(CAMPAIGN_FALLBACK), size, scroll)
    assert one_widget and not still_one_widget
    assert fast == slow


async def test_a_new_theme_redraws_the_briefing_and_the_choices(app_for):
    started_light, _ = await seen(app_for(CAMPAIGN_FALLBACK, theme=LIGHT), (60, 16))
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(60, 16)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("t")
        await driver.until(lambda: app.theme == LIGHT, "the light theme")
        await driver.until(lambda: looks(app) == started_light, "the screen in the light theme")


async def test_keys_scroll_the_briefing_once_it_has_the_focus(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(60, 16)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        briefing = app.screen.query_one(Briefing)
        assert thumb_rows(app) and "5 March 1953" in driver.text()
        await pilot.press("tab")
        await driver.until(lambda: briefing.has_focus, "the briefing focused")
        await pilot.press("down")
        await driver.until(lambda: "5 March 1953" not in driver.text(), "a line down")
        assert "Stalin is dead" in driver.text()
        await pilot.press("end")
        await driver.shows("while the leadership is weak.")
        assert "Stalin is dead" not in driver.text()
        await pilot.press("home")
        await driver.shows("5 March 1953")
        await pilot.press("pagedown")
        await driver.until(lambda: "Stalin is dead" not in driver.text(), "a page down")
        await pilot.press("pageup")
        await driver.shows("5 March 1953")
        assert app.play.decisions_made == 0


async def test_the_wheel_and_the_scrollbar_scroll_the_briefing(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(60, 16)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        at_top = thumb_rows(app)
        await wheel(pilot, "#briefing-scroll", offset=(3, 3))
        await driver.until(lambda: "5 March 1953" not in driver.text(), "the wheel")
        await wheel(pilot, "#briefing-scroll", down=False, offset=(3, 3))
        await driver.shows("5 March 1953")
        bar_x = next(x for x, (_, style) in enumerate(screen_cells(app)[at_top[0]])
                     if style is not None and style.meta.get(BAR) == THUMB)
        await pilot.mouse_down(offset=(bar_x, at_top[0]))
        await pilot.hover(offset=(bar_x, at_top[-1] + 3))
        await driver.until(lambda: thumb_rows(app) != at_top, "the thumb dragged")
        await pilot.mouse_up(offset=(bar_x, at_top[-1] + 3))
        assert "5 March 1953" not in driver.text()
        assert app.screen.get_selected_text() is None  # dragging the thumb selected nothing
        await pilot.click(offset=(bar_x, at_top[0]))  # the track above the thumb now: a page up
        await driver.shows("5 March 1953")


async def test_briefing_text_can_be_selected_with_the_mouse(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        row = next(y for y, line in enumerate(driver.text().splitlines()) if "Stalin died this morning" in line)
        await pilot.mouse_down(offset=(1, row))
        await pilot.hover(offset=(25, row))
        await pilot.mouse_up(offset=(25, row))
        await driver.until(lambda: bool(app.screen.get_selected_text()), "a selection")
        assert app.screen.get_selected_text().startswith("Stalin died this morning")


async def test_a_briefing_that_needs_markdown_still_shows_and_scrolls(app_for, tmp_path):
    text = CAMPAIGN_FALLBACK.read_text(encoding="utf-8").replace(
        "      Stalin died this morning. The war in Korea goes on.\n      Your colleagues watch each other.\n",
        "".join(f"      {line}\n" for line in MARKDOWN_BRIEFING.splitlines()))
    assert MARKDOWN_BRIEFING.splitlines()[2] in text
    path = tmp_path / "markdown.yaml"
    path.write_text(text, encoding="utf-8")
    app = app_for(path)
    async with app.run_test(size=(60, 16)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await driver.shows("Malenkov wants peace")
        assert not app.screen.query(Briefing)
        assert "- Malenkov" not in driver.text()  # a list, not the Markdown that wrote it
        await wheel(pilot, "#briefing-scroll", offset=(3, 3))
        await driver.until(lambda: "5 March 1953" not in driver.text(), "the wheel")
