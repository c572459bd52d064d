"""Helpers for the TUI tests: build the app on a scenario, drive it with Pilot, read the screen.

Every wait is for a condition (a screen, a widget, a value), never a fixed sleep.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from rich.style import Style
from textual.app import App
from textual.events import MouseScrollDown, MouseScrollUp
from textual.widget import Widget

from kremlin_sim.scenario import load_file
from kremlin_sim.scenario.model import Scenario
from kremlin_sim.tui.app import KremlinApp, build_app
from kremlin_sim.tui.options import AppOptions
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.ending import EndingScreen
from kremlin_sim.tui.screens.outcome import OutcomeScreen
from kremlin_sim.tui.screens.reason import ReasonScreen

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = HERE / "fixtures"
CAMPAIGN_FALLBACK = FIXTURES / "campaign.yaml"
HOSTILE = FIXTURES / "hostile.yaml"
TEMPLATE = ROOT / "src" / "kremlin_sim" / "scenario" / "template.yaml"
CONTRACT = ROOT / "docs" / "format-contract.yaml"
TRIES = 500


def bundled_or(name: str, fallback: Path) -> Path:
    """The bundled scenario once it exists and loads; until then our own stand-in."""
    path = ROOT / "scenarios" / f"{name}.yaml"
    return path if path.is_file() and load_file(path).ok else fallback


def scenario_at(path: Path) -> Scenario:
    result = load_file(path)
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.scenario is not None
    return result.scenario


def screen_text(app: App) -> str:
    """What the player reads on the terminal, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def screen_cells(app: App) -> list[list[tuple[str, Style | None]]]:
    """What the terminal shows, cell by cell: each character with its style."""
    return [[(char, segment.style) for segment in strip for char in segment.text]
            for strip in app.screen._compositor.render_strips()]


async def wheel(pilot, widget: Widget | str, down: bool = True, offset: tuple[int, int] = (1, 1)) -> None:
    """Turn the mouse wheel one notch over a widget. Pilot has no public way yet: this posts the
    event where Pilot posts its clicks, so it reaches the widget under the mouse as a real one does."""
    await pilot._post_mouse_events([MouseScrollDown if down else MouseScrollUp], widget, offset)


class Driver:
    def __init__(self, app: KremlinApp, pilot) -> None:
        self.app = app
        self.pilot = pilot

    def text(self) -> str:
        return screen_text(self.app)

    async def until(self, predicate: Callable[[], bool], what: str) -> None:
        for _ in range(TRIES):
            if predicate():
                await self.pilot.pause()
                return
            await self.pilot.pause()
        raise AssertionError(f"gave up waiting for {what}; the screen shows:\n{self.text()}")

    async def on(self, screen_type: type, what: str = "") -> None:
        await self.until(lambda: isinstance(self.app.screen, screen_type) and self.app.screen.is_mounted
                         and bool(self.app.screen.children), what or screen_type.__name__)
        await self.pilot.wait_for_scheduled_animations()

    async def shows(self, fragment: str) -> None:
        await self.until(lambda: fragment in self.text(), repr(fragment))

    async def type(self, text: str) -> None:
        await self.pilot.press(*["space" if ch == " " else ch for ch in text])

    async def choose(self, choice_id: str, reason: str = "", confidence: int | None = None) -> None:
        """Press the choice's number; fill in the reason window if it comes."""
        await self.on(DecisionScreen)
        assert self.app.play is not None
        number = next(o.number for o in self.app.play.game.options() if o.choice.id == choice_id)
        await self.pilot.press(str(number))
        if self.app.play.is_preview:
            await self.on(OutcomeScreen)
            return
        await self.on(ReasonScreen)
        if reason:
            await self.type(reason)
        if confidence is not None:
            await self.pilot.press("tab", str(confidence))
        await self.pilot.click("#decide")
        await self.on(OutcomeScreen)

    async def next_screen(self) -> None:
        """From an outcome, press Enter until the next decision or the ending."""
        await self.on(OutcomeScreen)
        outcome = self.app.screen
        while self.app.screen is outcome:
            await self.pilot.press("enter")
            await self.pilot.pause()
        await self.until(lambda: isinstance(self.app.screen, (DecisionScreen, EndingScreen)), "the next screen")
        await self.on(type(self.app.screen))

    def historical_pick(self) -> str:
        assert self.app.play is not None
        decision = self.app.play.game.decision
        options = [o.choice.id for o in self.app.play.game.options() if o.available]
        wanted = decision.history.path_choice if decision and decision.history else None
        return wanted if wanted in options else options[0]

    async def play_along_history(self, reason: str = "", confidence: int | None = None,
                                 on_outcome: Callable[["Driver"], object] | None = None) -> int:
        """Play to the ending taking history's choice; returns the number of decisions made."""
        made = 0
        await self.until(lambda: isinstance(self.app.screen, (DecisionScreen, EndingScreen)), "the game")
        while isinstance(self.app.screen, DecisionScreen):
            await self.choose(self.historical_pick(), reason, confidence)
            made += 1
            if on_outcome is not None:
                result = on_outcome(self)
                if hasattr(result, "__await__"):
                    await result
            await self.next_screen()
        await self.on(EndingScreen)
        return made


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    return tmp_path / "saves"


@pytest.fixture
def options(saves: Path) -> Callable[..., AppOptions]:
    def make(scenario: Path | Scenario | None = None, **kwargs) -> AppOptions:
        if isinstance(scenario, Path):
            scenario = scenario_at(scenario)
        kwargs.setdefault("saves", saves)
        kwargs.setdefault("cursor_blink", False)
        kwargs.setdefault("bundled", lambda: {"tui-campaign": CAMPAIGN_FALLBACK, "my-scenario": TEMPLATE})
        return AppOptions(scenario=scenario, **kwargs)
    return make


@pytest.fixture
def app_for(options) -> Callable[..., KremlinApp]:
    def make(scenario: Path | Scenario | None = None, **kwargs) -> KremlinApp:
        kwargs.setdefault("name", "Tester")
        return build_app(options(scenario, **kwargs))
    return make
