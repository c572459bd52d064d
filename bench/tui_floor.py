"""How close can kremlin-sim's start-up get to bare Textual? Floors, measured like figure 1.

Each variant is bare_app.py plus one thing a decision screen cannot do without,
started and measured exactly as bare_app.py and tui_probe.py are (process start
until the first screen is on screen and a pause has passed):

    python bench/tui_floor.py              # the table (median of 5, alternating with bare_app.py)
    python bench/tui_floor.py scenario     # run one variant once

  scenario  load and validate the campaign YAML first (the CLI does, by design)
  widgets   scenario, then a screen of stock widgets showing the first decision:
            Static title and briefing, OptionList choices, Static meters, Footer
  markdown  widgets, but the briefing in Textual's Markdown widget
  table     widgets plus a DataTable (what the ending screen uses)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ("scenario", "widgets", "markdown", "table")


def first_decision():
    from kremlin_sim.scenario import CAMPAIGN, load_file, resolve

    scenario = load_file(resolve(CAMPAIGN)).scenario
    return scenario, scenario.decision_by_id[scenario.start]


def build(variant: str):
    from textual.app import App
    from textual.content import Content
    from textual.widgets import Footer, OptionList, Static

    scenario, decision = first_decision()

    class Floor(App):
        BINDINGS = [("1", "bell", "Choose")]

        def compose(self):
            yield Static(Content(decision.title))
            if variant == "scenario":
                return
            if variant == "markdown":
                from textual.widgets import Markdown
                yield Markdown(decision.briefing)
            else:
                yield Static(Content(decision.briefing))
            yield OptionList(*[Content(choice.label) for choice in decision.choices])
            yield Static(Content("\n".join(f"{m.label} {m.start}" for m in scenario.meters)))
            if variant == "table":
                from textual.widgets import DataTable
                table = DataTable()
                table.add_columns("#", "Date", "Decision")
                table.add_row("1", decision.date, decision.title)
                yield table
            yield Footer()

    return Floor()


async def startup(variant: str) -> None:
    app = build(variant)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()


def main() -> int:
    if len(sys.argv) > 1:
        asyncio.run(startup(sys.argv[1]))
        return 0
    sys.path.insert(0, str(HERE))
    from run import alternate, process

    bare = process(str(HERE / "bare_app.py"), "startup")
    print("| variant | ms | bare ms | ratio |\n|---|---|---|---|")
    for variant in VARIANTS:
        ours, base = alternate(process(__file__, variant), bare, 5)
        print(f"| {variant} | {ours * 1000:.0f} | {base * 1000:.0f} | {ours / base:.2f}x |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
