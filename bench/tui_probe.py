"""kremlin-sim measured the way bare_app.py measures bare Textual, through the app factory.

startup: from process start until the first decision point of the campaign is on
screen and accepting input. latency: a number key choosing an option until the
next screen is rendered. memory: a whole headless playthrough along history.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


def make_app(saves: Path):
    from kremlin_sim.scenario import CAMPAIGN, load_file, resolve
    from kremlin_sim.tui.app import build_app
    from kremlin_sim.tui.options import AppOptions

    scenario = load_file(resolve(CAMPAIGN)).scenario
    return build_app(AppOptions(scenario=scenario, name="Bench", saves=saves, cursor_blink=False))


async def until(pilot, condition) -> None:
    while not condition():
        await pilot.pause()


async def startup(saves: Path) -> None:
    from kremlin_sim.tui.screens.decision import DecisionScreen
    app = make_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DecisionScreen))
        await pilot.pause()


async def latency(saves: Path, samples: int) -> list[float]:
    from kremlin_sim.tui.screens.decision import DecisionScreen
    from kremlin_sim.tui.screens.reason import ReasonScreen
    app = make_app(saves)
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DecisionScreen))
        await pilot.pause()
        for _ in range(samples):
            start = time.perf_counter()
            await pilot.press("1")
            await until(pilot, lambda: isinstance(app.screen, ReasonScreen))
            await pilot.pause()
            times.append((time.perf_counter() - start) * 1000)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, DecisionScreen))
    return times


def history_key(app) -> str:
    """The number key of history's choice at the decision on screen."""
    decision = app.play.game.decision
    return str(next(o.number for o in app.play.game.options() if o.choice.id == decision.history.path_choice))


async def playthrough(saves: Path) -> None:
    from kremlin_sim.tui.screens.decision import DecisionScreen
    from kremlin_sim.tui.screens.ending import EndingScreen
    from kremlin_sim.tui.screens.outcome import OutcomeScreen
    from kremlin_sim.tui.screens.reason import ReasonScreen
    app = make_app(saves)
    async with app.run_test(size=(80, 24)) as pilot:
        while not isinstance(app.screen, EndingScreen):
            screen = app.screen
            if isinstance(screen, DecisionScreen):
                await pilot.press(history_key(app))
            elif isinstance(screen, ReasonScreen):
                await pilot.press("enter")
            elif isinstance(screen, OutcomeScreen):
                revealed = screen.revealed
                await pilot.press("enter")
                if screen.shows_history and not revealed:  # the first Enter reveals history
                    await until(pilot, lambda: screen.revealed)
                    continue
            await until(pilot, lambda: app.screen is not screen)


if __name__ == "__main__":
    mode = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        if mode == "startup":
            asyncio.run(startup(Path(folder)))
        elif mode == "memory":
            asyncio.run(playthrough(Path(folder)))
        else:
            print(json.dumps({"median_ms": statistics.median(asyncio.run(latency(Path(folder), int(sys.argv[2]))))}))
