"""The ending and the debrief: every decision beside history's, the paths, and where the log is."""

from __future__ import annotations

import shlex
from typing import Iterable

from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from ..play import Play
from ..text import line, plain, readable_date
from ..widgets.debrief_table import DebriefTable
from ..widgets.footer import KeysFooter
from ..widgets.history import HistoryPanel
from ..widgets.paths import PathPlots
from ..widgets.prose import scenario_markdown
from .base import BaseScreen


def save_note(play: Play) -> Content:
    if play.path is None:
        return Content("This was a teacher preview: it was not saved.")
    path = str(play.path)
    return line("Your game is saved in ", (path, "bold"), ".\nTo turn it into a report, run:\n  ",
                (f"kremlin-sim debrief {shlex.quote(path)}", "bold"))


class EndingScreen(BaseScreen):
    BINDINGS = [Binding("n", "new_game", "New game"), Binding("q", "app.quit", "Quit")]

    def __init__(self, play: Play) -> None:
        super().__init__()
        self.play = play

    def body(self) -> Iterable[Widget]:
        play = self.play
        ending = play.game.ending
        show_history = play.reveal in ("each", "end")
        with VerticalScroll(id="ending-scroll"):
            made = len(play.game.steps)
            yield Static(line(("THE END", "bold"), f"  ·  {made} decision{'' if made == 1 else 's'}  ·  ",
                              plain(play.scenario.title)), id="kicker")
            if ending is not None:
                yield Static(plain(ending.title, "bold"), id="ending-title")
                if ending.style:
                    yield Static(line("Your style: ", plain(ending.style, "bold")), id="ending-style")
                yield scenario_markdown(ending.text, id="ending-text")
            yield Static(Content.styled("Your decisions", "bold underline"), classes="heading")
            if not show_history:
                yield Static("Your teacher chose not to show history's choices here.", markup=False)
            yield DebriefTable(play, show_history=show_history, width=self.app.size.width - 6, id="debrief")
            yield Static(Content.styled("Your path beside history's", "bold underline"), classes="heading")
            yield PathPlots(play, id="paths")
            if play.reveal == "end":
                yield Static(Content.styled("What actually happened", "bold underline"), classes="heading")
                for step in play.game.steps:
                    decision = play.scenario.decision_by_id[step.node]
                    if decision.history is not None:
                        yield HistoryPanel(decision, step.choice, classes="end-history",
                                           heading=line((readable_date(decision.date), "bold"), "  ·  ", plain(decision.title, "bold")))
            yield Static(Content.styled("Your save", "bold underline"), classes="heading")
            yield Static(save_note(play), id="save-note")
            with Horizontal(classes="buttons"):
                yield Button("New game", variant="primary", id="new-game")
                yield Button("Quit", id="quit")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#new-game", Button).focus(scroll_visible=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "new-game":
            self.action_new_game()
        else:
            self.kapp.action_quit()

    def action_new_game(self) -> None:
        self.kapp.show_title()
