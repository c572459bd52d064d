"""A list of lines for the player to read: a scenario's load errors, resume messages, save problems."""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Static

from ..text import plain
from .base import BaseModal


class MessageScreen(BaseModal):
    BINDINGS = [Binding("escape", "close", "Close"), Binding("enter", "close", "Close", show=False)]

    def __init__(self, title: str, messages: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.messages = messages

    def body(self) -> Iterable[Widget]:
        with Vertical(id="dialog", classes="dialog message"):
            yield Static(plain(self.title_text, "bold"), classes="dialog-title")
            with VerticalScroll(id="message-list", can_focus=True):
                for message in self.messages:
                    yield Static(plain(message), classes="message-line")
            yield Button("OK", variant="primary", compact=True, id="ok")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
