"""Terminals: every size from 40×12 to 250×80, a terminal too small, no colour, the light theme.

At each size the title, decision, outcome and ending screens show what the
player needs and a number key still picks; below 40×12 every screen says the
terminal is too small and the game comes back when it grows. The decision,
outcome and ending are reached by resuming a campaign game saved one decision
before its end, so one short session walks through all three.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color as RichColor

from kremlin_sim.engine import read_log
from kremlin_sim.tui.app import KremlinApp, build_app
from kremlin_sim.tui.options import DARK, LIGHT, AppOptions
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.ending import EndingScreen
from kremlin_sim.tui.screens.new_game import NewGameScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.reason import ReasonScreen
from kremlin_sim.tui.screens.title import TitleScreen
from kremlin_sim.tui.text import readable_date
from kremlin_sim.tui.widgets.choices import ChoiceList
from kremlin_sim.tui.widgets.meters import MeterPanel

from hardening.test_tui_support import (
    assert_saves_verify, campaign, decisions_to_the_end, historical_pick, saved_game,
)
from tui.conftest import Driver, screen_text

SIZES = [(40, 12), (60, 20), (80, 24), (120, 40), (250, 80)]
TOO_SMALL = (39, 11)
NOTICE = "Terminal too small"


def size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def region_text(app: KremlinApp, widget) -> str:
    """The part of the terminal a widget covers, as the player reads it."""
    region = widget.region
    rows = screen_text(app).splitlines()[max(region.y, 0):region.y + region.height]
    return "\n".join(row[region.x:region.x + region.width] for row in rows)


def assert_meters_readable(app: KremlinApp) -> None:
    """Every meter shows its number on the terminal, not only a bar or a colour."""
    panel = app.screen.query_one(MeterPanel)
    shown = region_text(app, panel)
    for meter in campaign().meters:
        value = app.play.game.meters[meter.id]
        assert f" {value}" in shown, f"{meter.id} = {value} is not shown in:\n{shown}"


def last_decision_game(folder: Path) -> Path:
    return saved_game(folder, decisions_to_the_end() - 1, player="Sizes").path


def resume_options(path: Path, folder: Path, **kwargs) -> AppOptions:
    return AppOptions(resume=path, saves=folder, cursor_blink=False, **kwargs)


# -- the grid ------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES, ids=size_id)
async def test_title_screen_at_each_size_starts_the_campaign(tmp_path, size):
    app = build_app(AppOptions(saves=tmp_path / "saves", cursor_blink=False))
    async with app.run_test(size=size) as pilot:
        driver = Driver(app, pilot)
        await driver.on(TitleScreen)
        await driver.shows(campaign().title)
        assert NOTICE not in driver.text()
        await pilot.press("enter")                     # the campaign is first and highlighted
        await driver.on(NewGameScreen)
        await driver.type("Ana")
        await pilot.press("enter")
        await driver.on(DecisionScreen)
        assert app.play.scenario.id == campaign().id and app.play.player == "Ana"
        await driver.shows(readable_date(campaign().decisions[0].date))


@pytest.mark.parametrize("size", SIZES, ids=size_id)
async def test_decision_outcome_and_ending_at_each_size(tmp_path, size):
    saves = tmp_path / "saves"
    path = last_decision_game(saves)
    app = build_app(resume_options(path, saves))
    async with app.run_test(size=size) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        decision = app.play.game.decision
        text = driver.text()
        assert NOTICE not in text and readable_date(decision.date) in text and "1-9 Choose" in text
        assert_meters_readable(app)
        pick = historical_pick(app.play.game)
        number = next(o.number for o in app.play.game.options() if o.choice.id == pick)
        await pilot.press(str(number))                 # a number key still picks, whatever is in view
        await driver.on(ReasonScreen)
        await driver.shows(f"You chose {number}")
        await pilot.press("enter")
        await driver.on(OutcomeScreen)
        assert app.play.game.steps[-1].choice == pick
        assert_meters_readable(app)
        text = driver.text()
        assert "▲" in text or "▼" in text             # the changes are marked, not only coloured
        assert "What changed" in text or size == SIZES[0]   # at 40×12 only the meters show them
        await driver.next_screen()
        await driver.on(EndingScreen)
        text = driver.text()
        assert "THE END" in text and app.play.game.ending.title in text
        assert read_log(path).finished


@pytest.mark.parametrize("size", SIZES, ids=size_id)
async def test_every_choice_can_be_brought_into_view(tmp_path, size):
    """The choices are not only pickable by number but readable: moving down shows each in turn."""
    app = build_app(AppOptions(scenario=campaign(), name="Sizes", saves=tmp_path, cursor_blink=False))
    async with app.run_test(size=size) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        choices = app.screen.query_one(ChoiceList)
        for index, option in enumerate(choices.game_options):
            await driver.until(lambda: choices.highlighted == index, f"choice {option.number} highlighted")
            await pilot.wait_for_scheduled_animations()
            shown = f"{option.number} {option.choice.label.split()[0]}"
            assert shown in driver.text(), f"{shown!r} is not on the screen:\n{driver.text()}"
            await pilot.press("down")


async def test_every_screen_says_when_the_terminal_is_too_small(tmp_path):
    """At 39×11 each screen shows the notice instead of a broken layout, and comes back whole
    when the terminal grows; the game started in a terminal already too small."""
    saves = tmp_path / "saves"
    path = last_decision_game(saves)
    app = build_app(resume_options(path, saves))
    async with app.run_test(size=TOO_SMALL) as pilot:
        driver = Driver(app, pilot)

        async def notice_then_back(screen_type: type) -> None:
            await driver.on(screen_type)
            await pilot.resize_terminal(*TOO_SMALL)
            await driver.shows(NOTICE)
            assert "40×12" in driver.text()
            await pilot.resize_terminal(80, 24)
            await driver.until(lambda: NOTICE not in driver.text(), f"{screen_type.__name__} again")
            assert isinstance(app.screen, screen_type)

        await driver.shows(NOTICE)
        await notice_then_back(DecisionScreen)
        assert app.play.game.decision.title in " ".join(driver.text().split())
        await pilot.press("1")
        await notice_then_back(ReasonScreen)
        await pilot.press("enter")            # the reason field has its focus back
        await notice_then_back(OutcomeScreen)
        await driver.next_screen()
        await notice_then_back(EndingScreen)
        await pilot.press("n")
        await notice_then_back(TitleScreen)
    assert read_log(path).finished
    assert_saves_verify(saves)


FOCUSED_AT_FIRST = {TitleScreen: "scenarios", DecisionScreen: "choices", ReasonScreen: "reason"}


@pytest.mark.parametrize("screen_type", list(FOCUSED_AT_FIRST), ids=lambda t: t.__name__)
async def test_the_focus_comes_back_after_the_terminal_was_too_small(tmp_path, screen_type):
    options = AppOptions(saves=tmp_path, cursor_blink=False) if screen_type is TitleScreen else \
        AppOptions(scenario=campaign(), name="Focus", saves=tmp_path, cursor_blink=False)
    app = build_app(options)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        if screen_type is ReasonScreen:
            await driver.on(DecisionScreen)
            await pilot.press("1")
        await driver.on(screen_type)
        assert app.focused is not None and app.focused.id == FOCUSED_AT_FIRST[screen_type]
        await pilot.resize_terminal(*TOO_SMALL)
        await driver.shows(NOTICE)
        await pilot.resize_terminal(80, 24)
        await driver.until(lambda: NOTICE not in driver.text(), "the screen again")
        assert app.focused is not None and app.focused.id == FOCUSED_AT_FIRST[screen_type]


# -- no colour, and both themes -------------------------------------------------------------------

def colours_reaching_the_terminal(app: KremlinApp) -> set[tuple[int, int, int]]:
    """Every colour in the lines the app sends, after its line filters (NO_COLOR's among them)."""
    background = app.screen.styles.background
    found = set()
    for strip in app.screen._compositor.render_strips():
        for line_filter in app.get_line_filters():
            strip = strip.apply_filter(line_filter, background)
        for segment in strip:
            style = segment.style
            for colour in (style.color, style.bgcolor) if style else ():
                if isinstance(colour, RichColor) and not colour.is_default:
                    found.add(tuple(colour.get_truecolor()))
    return found


async def test_no_color_sends_only_greys_and_meters_keep_their_numbers(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")          # Textual reads it once, when the app is built
    app = build_app(AppOptions(scenario=campaign(), name="Grey", saves=tmp_path, cursor_blink=False))
    assert app.no_color
    async with app.run_test(size=(100, 30)) as pilot:
        driver = Driver(app, pilot)
        for _ in range(3):
            await driver.on(DecisionScreen)
            assert_meters_readable(app)
            colours = colours_reaching_the_terminal(app)
            assert colours and all(r == g == b for r, g, b in colours), sorted(colours)[:5]
            await driver.choose(historical_pick(app.play.game))
            assert_meters_readable(app)
            text = driver.text()
            assert "What changed" in text and ("▲" in text or "▼" in text)
            await driver.next_screen()
    assert len(read_log(app.play.path).steps) == 3


async def test_without_no_color_the_terminal_gets_colours(tmp_path, monkeypatch):
    """The check above can fail: the same screen in colour has colours that are not grey."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = build_app(AppOptions(scenario=campaign(), name="Colour", saves=tmp_path, cursor_blink=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await Driver(app, pilot).on(DecisionScreen)
        assert not app.no_color
        assert any(not (r == g == b) for r, g, b in colours_reaching_the_terminal(app))


@pytest.mark.parametrize("theme", [LIGHT, DARK])
async def test_a_few_decisions_in_each_theme(tmp_path, theme):
    app = build_app(AppOptions(scenario=campaign(), name="Theme", saves=tmp_path, theme=theme, cursor_blink=False))
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        assert app.theme == theme and app.current_theme.dark == (theme == DARK)
        for _ in range(3):
            await driver.choose(historical_pick(app.play.game), reason="in this light")
            assert_meters_readable(app)
            await driver.next_screen()
        assert app.theme == theme
        assert_meters_readable(app)
    log = read_log(app.play.path)
    assert [step["reason"] for step in log.steps] == ["in this light"] * 3
    assert_saves_verify(tmp_path, app)

