"""Every decision of the game: the player's choice, and history's unless the teacher chose `never`.

Columns share the width and long labels wrap onto more lines, so nothing is
hidden off to the right at 80 columns.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ..play import Play
from ..text import clean
from .history import history_choice_text

FIXED = (("#", 2), ("Date", 10))


def cell(value: object) -> Text:
    return Text(clean(value))


class DebriefTable(DataTable):
    def __init__(self, play: Play, *, show_history: bool, width: int, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.play = play
        self.show_history = show_history
        self.available = width

    def on_mount(self) -> None:
        wrapped = ["Decision", "You chose"] + (["History"] if self.show_history else [])
        same = [("Same?", 11)] if self.show_history else []
        columns = len(FIXED) + len(wrapped) + len(same)
        spare = self.available - sum(w for _, w in [*FIXED, *same]) - 2 * columns - 2
        # Labels as Text: DataTable reads a str as Rich markup, and Rich's markup loads its table
        # of emoji names (1.2 MiB resident, most of what the ending screen added to figure 6's peak).
        for label, width in FIXED:
            self.add_column(Text(label), width=width)
        for label in wrapped:
            self.add_column(Text(label), width=max(spare // len(wrapped), 8))
        for label, width in same:
            self.add_column(Text(label), width=width)
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
            self.add_row(*row, height=None)
