"""The baseline: a bare Textual app, measured exactly as kremlin-sim is (see tui_probe.py).

startup: show one Static and exit when ready. latency: push a screen on a key press.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static


class Pushed(Screen):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def compose(self):
        yield Static("The next screen")


class Bare(App):
    BINDINGS = [("1", "push", "Push")]

    def compose(self):
        yield Static("Hello")

    def action_push(self) -> None:
        self.push_screen(Pushed())


async def startup() -> None:
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()


async def latency(samples: int) -> list[float]:
    return await time_pushes(Bare(), Pushed, samples)


async def time_pushes(app: App, window: type, samples: int) -> list[float]:
    """Key "1" until `window` is on screen and a pause has passed, then Escape back; `samples` times."""
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(samples):
            start = time.perf_counter()
            await pilot.press("1")
            while not isinstance(app.screen, window):
                await pilot.pause()
            await pilot.pause()
            times.append((time.perf_counter() - start) * 1000)
            await pilot.press("escape")
            while isinstance(app.screen, window):
                await pilot.pause()
    return times


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode in ("startup", "memory"):
        asyncio.run(startup())
    else:
        print(json.dumps({"median_ms": statistics.median(asyncio.run(latency(int(sys.argv[2]))))}))
