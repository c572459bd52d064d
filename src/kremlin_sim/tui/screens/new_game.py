"""Before a new game: the player's name, and (from the title screen) when history is shown."""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from ...scenario.model import Scenario
from ..options import GameSettings
from ..text import line, plain
from ..widgets.inputs import TextInput
from .base import BaseModal

REVEALS = (("each", "after each decision"), ("end", "at the end"), ("never", "not at all"))


class NewGameScreen(BaseModal):
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, scenario: Scenario, defaults: GameSettings, *, ask_settings: bool) -> None:
        super().__init__()
        self.scenario = scenario
        self.defaults = defaults
        self.ask_settings = ask_settings

    def body(self) -> Iterable[Widget]:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(plain(self.scenario.title, "bold"), classes="dialog-title")
            if self.scenario.period:
                yield Static(plain(self.scenario.period, "italic"))
            yield Static("Your name or a pseudonym:", markup=False)
            yield TextInput(value=self.defaults.name, placeholder="e.g. Comrade K.", max_length=60, id="name")
            if self.ask_settings:
                yield Static("Show what actually happened:", markup=False)
                with RadioSet(id="reveal"):
                    for mode, label in REVEALS:
                        yield RadioButton(label, value=mode == self.defaults.reveal, id=f"reveal-{mode}")
                yield Checkbox("Ask for a reason with every decision", self.defaults.require_reasons, id="reasons")
            yield Static("", id="name-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Start", variant="primary", compact=True, id="start")
                yield Button("Back", compact=True, id="back")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.submit()
        else:
            self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)

    def submit(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.query_one("#name-error", Static).update(line("Type a name or a pseudonym to start."))
            return
        reveal, reasons = self.defaults.reveal, self.defaults.require_reasons
        if self.ask_settings:
            pressed = self.query_one(RadioSet).pressed_button
            reveal = (pressed.id or "").removeprefix("reveal-") if pressed else reveal
            reasons = self.query_one(Checkbox).value
        self.dismiss(GameSettings(name, reveal, reasons))
