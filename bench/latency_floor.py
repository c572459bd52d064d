"""How close can kremlin-sim's choice latency get to bare Textual? Floors, measured like figure 2.

Each variant is bare_app.py's latency test (a key pushes a screen; the median of
15 presses until that screen is up and a pause has passed) with one thing added
that the decision screen and its reason window cannot do without:

    python bench/latency_floor.py            # the table (median of 5 runs, alternating with bare_app.py)
    python bench/latency_floor.py reason     # run one variant once, print its median in ms

  modal     the pushed screen is a ModalScreen (the screen below shows through, dimmed)
  under     modal, pushed over stock widgets showing the first decision (tui_floor.py "widgets")
  reason    under, and the modal holds the reason window's stock widgets: Static lines,
            an Input, a RadioSet of five RadioButtons and two Buttons
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
VARIANTS = ("modal", "under", "reason")


def pushed_screen(variant: str):
    from textual.containers import Horizontal, Vertical
    from textual.screen import ModalScreen
    from textual.widgets import Button, Input, RadioButton, RadioSet, Static

    class Window(ModalScreen):
        BINDINGS = [("escape", "app.pop_screen", "Back")]
        DEFAULT_CSS = "Window { align: center middle; } Window > Vertical { width: 72; height: auto; border: round $accent; }"

        def compose(self):
            if variant != "reason":
                yield Static("The next screen")
                return
            with Vertical():
                yield Static("You chose 1 Something")
                yield Static("Why? A sentence is enough (optional: Enter skips).")
                yield Input(placeholder="Because…")
                yield Static("How sure are you?")
                with RadioSet():
                    for n in range(1, 6):
                        yield RadioButton(f"{n} choice")
                yield Static("")
                with Horizontal():
                    yield Button("Decide", variant="primary", compact=True)
                    yield Button("Back", compact=True)

    return Window


def build(variant: str):
    from textual.app import App
    from textual.widgets import Static

    window = pushed_screen(variant)
    if variant == "modal":
        class Under(App):
            def compose(self):
                yield Static("Hello")
    else:
        from tui_floor import build as floor_app

        Under = type(floor_app("widgets"))  # noqa: N806 (a class)

    class Floor(Under):
        BINDINGS = [("1", "push", "Push")]

        def action_push(self) -> None:
            self.push_screen(window())

    return Floor(), window


async def latency(variant: str, samples: int = 15) -> float:
    from bare_app import time_pushes  # measured exactly as the baseline

    app, window = build(variant)
    return statistics.median(await time_pushes(app, window, samples))


def main() -> int:
    if len(sys.argv) > 1:
        print(json.dumps({"median_ms": asyncio.run(latency(sys.argv[1]))}))
        return 0

    from run import alternate, median_ms

    bare = median_ms(str(HERE / "bare_app.py"), "latency", "15")
    print("| variant | ms | bare ms | ratio |\n|---|---|---|---|")
    for variant in VARIANTS:
        ours, base = alternate(median_ms(__file__, variant), bare, 5)
        print(f"| {variant} | {ours:.0f} | {base:.0f} | {ours / base:.2f}x |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
