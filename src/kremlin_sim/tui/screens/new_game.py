"""Before a new game: the player's name, and (from the title screen) when history is shown.

In a classroom (`play --classroom`, which `serve` passes) the teacher's settings
are shown, not asked: students in a browser play the game the teacher set up.
"""

from __future__ import annotations

from typing import Iterable

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton, RadioSet, Static

from ...scenario.model import Scenario
from ..options import GameSettings
from ..text import plain
from ..widgets.inputs import TextInput
from .dialog import FormDialog

REVEALS = (("each", "after each decision"), ("end", "at the end"), ("never", "not at all"))


def settings_sentence(settings: GameSettings) -> str:
    reveal = dict(REVEALS)[settings.reveal]
    reasons = "a reason is asked with every decision" if settings.require_reasons else "reasons are optional"
    return f"Your teacher's settings: what actually happened is shown {reveal}; {reasons}."


class NewGameScreen(FormDialog):
    first_field = "name"
    submit_label, submit_id = "Start", "start"

    def __init__(self, scenario: Scenario, defaults: GameSettings, *, ask_settings: bool,
                 show_settings: bool = False) -> None:
        super().__init__()
        self.scenario = scenario
        self.defaults = defaults
        self.ask_settings = ask_settings
        self.show_settings = show_settings and not ask_settings

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
            elif self.show_settings:
                yield Static(settings_sentence(self.defaults), markup=False, id="teacher-settings")
                yield Static("Coming back to a game? Press Esc and find it under Continue a game.",
                             markup=False, id="coming-back")
            yield Static("", id="name-error", markup=False)
            yield from self.buttons()

    def submit(self) -> None:
        name = self.field("name")
        if not name:
            self.complain("name-error", "Type a name or a pseudonym to start.")
            return
        reveal, reasons = self.defaults.reveal, self.defaults.require_reasons
        if self.ask_settings:
            pressed = self.query_one(RadioSet).pressed_button
            reveal = (pressed.id or "").removeprefix("reveal-") if pressed else reveal
            reasons = self.query_one(Checkbox).value
        self.dismiss(GameSettings(name, reveal, reasons))
