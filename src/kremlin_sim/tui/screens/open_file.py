"""Open a scenario file by its path (a teacher's own scenario)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from ..widgets.inputs import TextInput
from .dialog import FormDialog


class OpenFileScreen(FormDialog):
    """Dismisses with the Path typed, or None."""

    first_field = "path"
    submit_label, submit_id = "Open", "open"

    def body(self) -> Iterable[Widget]:
        with Vertical(id="dialog", classes="dialog"):
            yield Static("Open a scenario file", markup=False, classes="dialog-title")
            yield Static("The path of a .yaml scenario (check it first with kremlin-sim validate):", markup=False)
            yield TextInput(placeholder="scenarios/my-scenario.yaml", id="path")
            yield Static("", id="path-error", markup=False)
            yield from self.buttons()

    def submit(self) -> None:
        typed = self.field("path")
        if not typed:
            self.complain("path-error", "Type the path of a scenario file.")
            return
        path = Path(typed).expanduser()
        try:
            found = path.is_file()
        except OSError:  # a name longer than the system allows, for one: still no file there
            found = False
        if not found:
            self.complain("path-error", f"There is no file at {typed}.")
            return
        self.dismiss(path)
