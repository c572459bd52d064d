"""Teacher preview: pick any decision point to continue from."""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets.option_list import Option

from ...scenario.model import Scenario
from ..text import line, plain
from ..widgets.option_list import OptionList
from .base import BaseModal


class JumpScreen(BaseModal):
    """Dismisses with a decision point id, or None."""

    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, scenario: Scenario, current: str | None) -> None:
        super().__init__()
        self.scenario = scenario
        self.current = current

    def body(self) -> Iterable[Widget]:
        with Vertical(id="dialog", classes="dialog wide"):
            yield Static("Jump to a decision point", markup=False, classes="dialog-title")
            yield Static("The meters are set as the historical path (or the shortest route) would have them.",
                         markup=False)
            yield OptionList(*[Option(line((d.date, "bold"), "  ", plain(d.title), ("  " + d.id, "dim")), id=d.id)
                               for d in self.scenario.decisions], id="jump-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        ids = [d.id for d in self.scenario.decisions]
        options.highlighted = ids.index(self.current) if self.current in ids else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)
