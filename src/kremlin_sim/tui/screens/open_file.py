"""Open a scenario file by its path (a teacher's own scenario)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from ..widgets.inputs import TextInput
from .base import BaseModal


class OpenFileScreen(BaseModal):
    """Dismisses with the Path typed, or None."""

    BINDINGS = [Binding("escape", "back", "Back")]

    def body(self) -> Iterable[Widget]:
        with Vertical(id="dialog", classes="dialog"):
            yield Static("Open a scenario file", markup=False, classes="dialog-title")
            yield Static("The path of a .yaml scenario (check it first with kremlin-sim validate):", markup=False)
            yield TextInput(placeholder="scenarios/my-scenario.yaml", id="path")
            yield Static("", id="path-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Open", variant="primary", compact=True, id="open")
                yield Button("Back", compact=True, id="back")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "open":
            self.submit()
        else:
            self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)

    def submit(self) -> None:
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            self.query_one("#path-error", Static).update("Type the path of a scenario file.")
            return
        path = Path(typed).expanduser()
        if not path.is_file():
            self.query_one("#path-error", Static).update(f"There is no file at {typed}.")
            return
        self.dismiss(path)
