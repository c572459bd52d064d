"""What the decision did: the meter changes with their why; then, in reveal mode `each`,
"What could you have known then?" and what actually happened."""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from ..play import Play, Turn
from ..text import line, plain, readable_date
from ..widgets.changes import changes_content
from ..widgets.history import HistoryPanel
from ..widgets.meters import MeterPanel
from .base import PlayScreen

THINK = ("Before you read on: what could the leadership have known at the time, "
         "and what could it not have known?")


class OutcomeScreen(PlayScreen):
    BINDINGS = [Binding("enter", "advance", "Continue", priority=True)]  # not the button: it ignores a quick second press

    def __init__(self, play: Play, turn: Turn) -> None:
        super().__init__(play)
        self.turn = turn
        self.revealed = False

    @property
    def shows_history(self) -> bool:
        return self.play.reveal == "each" and self.turn.decision.history is not None

    def timeline_date(self) -> str:
        return self.turn.decision.date

    def meter_panel(self) -> MeterPanel:
        panel = super().meter_panel()
        panel.deltas = {c.meter: c.after - c.before for c in self.turn.outcome.changes}
        return panel

    def main(self) -> Iterable[Widget]:
        turn = self.turn
        step = turn.step
        with VerticalScroll(id="outcome-scroll"):
            yield Static(line((readable_date(turn.decision.date), "bold"), "  ·  ", turn.decision.title), id="kicker")
            number = next((o.number for o in self.play.game.rules.options(turn.outcome.before)
                           if o.choice.id == turn.choice.id), "")
            yield Static(line("You chose ", (f"{number} ", "bold"), plain(turn.choice.label, "bold")), id="chosen")
            yield Static(Content.styled("What changed", "bold underline"), classes="heading")
            yield Static(changes_content(self.play.scenario, turn.outcome.changes), id="changes")
            if step.reason or step.confidence:
                sure = f"  ·  confidence {step.confidence}/5" if step.confidence else ""
                yield Static(line(("Your reason: ", "bold"), step.reason or "—", sure), id="your-reason")
            if turn.outcome.ending is not None:
                yield Static(Content.styled("This decision ends the game.", "bold"), id="ends")
            if self.shows_history:
                history = turn.decision.history
                with Vertical(id="known-then"):
                    yield Static(Content.styled("What could you have known then?", "bold underline"),
                                 classes="heading")
                    yield Static(THINK, markup=False)
                    if history and history.known_then:
                        yield Static(line(("A hint: ", "bold"), history.known_then), id="known-then-text")
                yield HistoryPanel(turn.decision, turn.choice.id, id="history")
            yield Button(self.button_label(), variant="primary", id="advance")

    def button_label(self) -> str:
        if self.shows_history and not self.revealed:
            return "Show what actually happened (Enter)"
        return "See how it ends (Enter)" if self.play.game.is_over else "Next decision (Enter)"

    def on_mount(self) -> None:
        self.query_one("#advance", Button).focus(scroll_visible=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_advance()

    def action_advance(self) -> None:
        if self.shows_history and not self.revealed:
            self.revealed = True
            self.add_class("-revealed")
            button = self.query_one("#advance", Button)
            button.label = Content(self.button_label())
            self.call_after_refresh(self.query_one("#history").scroll_visible, top=True, animate=False)
            return
        self.kapp.show_next()
