"""Help (? or F1): the keys, the meters of this scenario, and how the model works."""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Markdown, Static

from ...scenario.model import Scenario
from ..text import line, lines, plain
from .base import BaseModal

KEYS = (
    ("1 – 9", "choose that option (then say why, and how sure you are)"),
    ("↑ ↓ Tab Enter", "move and choose; the mouse works too"),
    ("Enter", "on an outcome: show what happened, then go on"),
    ("? or F1", "this help"),
    ("t", "light or dark theme"),
    ("Ctrl+P", "command palette: save and quit, help, theme"),
    ("Ctrl+Q", "quit; your decisions are already saved"),
    ("Esc", "close a window; from the reason, back to the choices"),
)


def key_lines() -> Content:
    width = max(len(key) for key, _ in KEYS) + 2
    return lines([line((key.ljust(width), "bold"), does) for key, does in KEYS])


PREVIEW_KEYS = """\
**Teacher preview:** `j` jumps to any decision point. The exact effects of the highlighted choice and the
decision it leads to are shown under the choices, with every meter and flag. Preview games are not saved,
and no reason is asked for.
"""

MODEL = """\
**How the model works.** Every choice moves some meters, and the scenario gives a *why* for each move.
Those reasons are one historian's or teacher's judgement: you may argue with them, and a good essay
will. Some endings come when a meter crosses a line (too much tension, too little standing); others at
the end of a story. There is no score and no right answer: the game shows what you decided, what the
leadership decided in its day, and lets you compare.

**Your game is saved** after every decision. To continue later: `kremlin-sim play --resume SAVE`, or
choose it on the title screen. A decision you had not finished when you quit is not saved.
"""


def meter_lines(scenario: Scenario) -> Content:
    rows = []
    for meter in scenario.meters:
        rows.append(line(plain(meter.label, "bold"), f"  ({meter.min} to {meter.max}, starts at {meter.start})"))
        if meter.description:
            rows.append(line("  ", meter.description))
    return lines(rows)


class HelpScreen(BaseModal):
    BINDINGS = [Binding("escape,question_mark,f1", "close", "Close"), Binding("q", "close", "Close", show=False)]

    def __init__(self, scenario: Scenario | None, *, preview: bool) -> None:
        super().__init__()
        self.scenario = scenario
        self.preview = preview

    def body(self) -> Iterable[Widget]:
        with Vertical(id="dialog", classes="dialog wide help"):
            yield Static("Help", markup=False, classes="dialog-title")
            with VerticalScroll(id="help-scroll", can_focus=True):
                yield Static(Content.styled("Keys", "bold underline"))
                yield Static(key_lines(), id="help-keys")
                if self.preview:
                    yield Markdown(PREVIEW_KEYS)
                if self.scenario is not None:
                    yield Static(line(("The meters of ", "bold underline"),
                                      plain(self.scenario.title, "bold underline")), classes="heading")
                    yield Static(meter_lines(self.scenario), id="help-meters")
                yield Markdown(MODEL, id="help-model", classes="heading")
            yield Button("Close (Esc)", compact=True, id="close")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
