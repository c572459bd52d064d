"""A small form window: fields, a primary button and Back.

Enter in a field or the primary button submits; Escape or Back closes the
window with None. Subclasses say what the form holds and how it submits.
"""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from ..text import line
from .base import BaseModal

class FormDialog(BaseModal):
    BINDINGS = [Binding("escape", "back", "Back")]
    first_field = ""      # the id of the field focused when the window opens
    submit_label, submit_id = "OK", "submit"

    def buttons(self) -> Iterable[Widget]:
        with Horizontal(classes="buttons"):
            yield Button(self.submit_label, variant="primary", compact=True, id=self.submit_id)
            yield Button("Back", compact=True, id="back")

    def on_mount(self) -> None:
        self.query_one(f"#{self.first_field}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.submit_id:
            self.submit()
        else:
            self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)

    def field(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def complain(self, error_id: str, message: str) -> None:
        self.query_one(f"#{error_id}", Static).update(line(message))

    def submit(self) -> None:
        raise NotImplementedError
