"""The key bar at the bottom of every main screen: what it shows, and what the mouse does on it."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.help import HelpScreen
from kremlin_sim.tui.widgets.footer import KeysFooter

from .conftest import CAMPAIGN_FALLBACK, Driver


def bar_text(app) -> str:
    return app.screen._compositor.render_strips()[-1].text


def column_of(app, label: str) -> int:
    column = bar_text(app).find(label)
    assert column >= 0, f"{label!r} is not in the key bar: {bar_text(app)!r}"
    return column


def style_at(app, column: int):
    """The style of the bottom line's cell at `column`."""
    x = 0
    for segment in app.screen._compositor.render_strips()[-1]:
        if x <= column < x + len(segment.text):
            return segment.style
        x += len(segment.text)
    raise AssertionError(f"no cell at {column}")


async def test_clicking_a_key_presses_it(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.click(KeysFooter, offset=(column_of(app, "? Help") + 1, 0))
        await driver.on(HelpScreen)


async def test_clicking_between_keys_does_nothing(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.click(KeysFooter, offset=(column_of(app, "▏") - 2, 0))  # the gap before the palette's key
        await pilot.pause()
        assert isinstance(app.screen, DecisionScreen)


async def test_the_teacher_preview_shows_its_own_key(app_for):
    app = app_for(CAMPAIGN_FALLBACK, preview=True)
    async with app.run_test(size=(100, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await driver.until(lambda: "j Jump to…" in bar_text(app), "the jump key")
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(100, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        assert "Jump" not in bar_text(app) and "1-9 Choose" in bar_text(app)


async def test_the_key_under_the_mouse_is_highlighted(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        help_column, theme_column = column_of(app, "? Help") + 1, column_of(app, "t Theme") + 1
        before = style_at(app, help_column).bgcolor
        await pilot.hover(KeysFooter, offset=(help_column, 0))
        await driver.until(lambda: style_at(app, help_column).bgcolor != before, "the hover colour")
        assert style_at(app, theme_column).bgcolor == before


class Sealed(Screen):
    BINDINGS = [Binding("x", "open", "Open"), Binding("y", "other", "Other")]

    def compose(self) -> ComposeResult:
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "open" else True  # None: shown, but does nothing now

    def action_open(self) -> None:
        self.app.opened += 1


class SealedApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.opened = 0
        self.bells = 0

    def get_default_screen(self) -> Screen:
        return Sealed()

    def bell(self) -> None:
        self.bells += 1


async def test_a_key_that_does_nothing_now_is_dimmed_and_only_rings_the_bell():
    app = SealedApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        open_column, other_column = column_of(app, "x Open") + 1, column_of(app, "y Other") + 1
        assert style_at(app, open_column).color != style_at(app, other_column).color  # dimmed
        await pilot.click(KeysFooter, offset=(open_column, 0))
        await pilot.pause()
        assert (app.opened, app.bells) == (0, 1)
