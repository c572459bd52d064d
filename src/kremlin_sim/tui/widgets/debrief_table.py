"""Every decision of the game: the player's choice, and history's unless the teacher chose `never`."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ..play import Play
from ..text import clean
from .history import history_choice_text


def cell(value: object) -> Text:
    return Text(clean(value))


class DebriefTable(DataTable):
    def __init__(self, play: Play, *, show_history: bool, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.play = play
        self.show_history = show_history

    def on_mount(self) -> None:
        columns = ["#", "Date", "Decision", "You chose"]
        if self.show_history:
            columns += ["History", "Same?"]
        self.add_columns(*columns)
        scenario = self.play.scenario
        for number, step in enumerate(self.play.game.steps, 1):
            decision = scenario.decision_by_id[step.node]
            chosen = decision.choice(step.choice)
            row = [cell(number), cell(decision.date), cell(decision.title), cell(chosen.label if chosen else step.choice)]
            if self.show_history:
                if decision.history is None:
                    row += [cell("—"), cell("—")]
                else:
                    row += [cell(history_choice_text(decision).plain),
                            cell("✓ same" if step.matches_history else "✗ different")]
            self.add_row(*row)
