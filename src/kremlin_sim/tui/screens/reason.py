"""After choosing: why, and how sure (1-5). Optional, unless the teacher requires reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from ..text import line, plain
from ..widgets.confidence import ConfidenceSet
from ..widgets.inputs import TextInput
from .base import BaseModal

if TYPE_CHECKING:
    from textual.app import App

CONFIDENCE = ("a guess", "unsure", "fairly sure", "sure", "certain")
KEPT_AS = "reason-window"  # the name the app keeps its one reason window under


@dataclass(frozen=True)
class ReasonResult:
    reason: str
    confidence: int | None


class ReasonScreen(BaseModal):
    """Dismisses with a ReasonResult, or None to go back to the choices (nothing decided)."""

    BINDINGS = [
        Binding("escape", "back", "Back to the choices"),
        *[Binding(str(n), f"rate({n})", "Confidence", key_display="1-5", show=n == 1) for n in range(1, 6)],
    ]

    def __init__(self, number: int, label: str, *, required: bool) -> None:
        super().__init__()
        self.number, self.label, self.required = number, label, required

    @classmethod
    def ask(cls, app: "App", number: int, label: str, *, required: bool,
            callback: Callable[["ReasonResult | None"], None]) -> None:
        """Show the app's reason window for this choice.

        Composing the window afresh (an input, five radio buttons, two buttons,
        each styled and laid out twice) was four fifths of the time from the
        number key to the window on screen. The app keeps the window after its
        first use, and later choices only fill it in again."""
        if not app.is_screen_installed(KEPT_AS):
            app.install_screen(cls(number, label, required=required), KEPT_AS)
        else:
            window = app.get_screen(KEPT_AS)
            if window in app.screen_stack:
                return  # already asking (a key queued before it opened)
            window.renew(number, label, required=required)  # type: ignore[attr-defined]
        app.push_screen(KEPT_AS, callback)

    def renew(self, number: int, label: str, *, required: bool) -> None:
        """Blank, as if newly composed, for another choice."""
        self.number, self.label, self.required = number, label, required
        self.query_one("#reason-chose", Static).update(self.chose_text())
        self.query_one("#reason-need", Static).update(self.need_text())
        field = self.query_one("#reason", Input)
        field.value = ""
        self.query_one(ConfidenceSet).clear()
        self.query_one("#reason-error", Static).update("")
        field.focus()

    def chose_text(self) -> Content:
        return line(("You chose ", ""), (f"{self.number} ", "bold"), plain(self.label, "bold"))

    def need_text(self) -> Content:
        need = "required by your teacher" if self.required else "optional: Enter skips"
        return Content(f"Why? A sentence is enough ({need}).")

    def body(self) -> Iterable[Widget]:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(self.chose_text(), classes="dialog-title", id="reason-chose")
            yield Static(self.need_text(), id="reason-need")
            yield TextInput(placeholder="Because…", max_length=2000, id="reason")
            yield Static("How sure are you?", markup=False)
            with ConfidenceSet(id="confidence"):
                for n in range(1, 6):
                    yield RadioButton(f"{n} {CONFIDENCE[n - 1]}")
            yield Static("", id="reason-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Decide", variant="primary", compact=True, id="decide")
                yield Button("Back", compact=True, id="back")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def confidence(self) -> int | None:
        index = self.query_one(RadioSet).pressed_index
        return index + 1 if index >= 0 else None

    def action_rate(self, number: int) -> None:
        buttons = list(self.query(RadioButton))
        buttons[number - 1].value = True

    def action_back(self) -> None:
        self.dismiss(None)

    def dismiss(self, result: ReasonResult | None = None) -> AwaitComplete:
        # The kept window still handles what was queued for it after it closed (Enter pressed twice):
        # closing again would pop whatever window is on top now.
        if not self.is_current:
            return AwaitComplete.nothing()
        return super().dismiss(result)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.required and self.confidence() is None and event.value.strip():
            self.query_one(RadioSet).focus()  # the reason is there: go on to the rating
            return
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "decide":
            self.submit()
        else:
            self.dismiss(None)

    def submit(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        confidence = self.confidence()
        if self.required and (not reason or confidence is None):
            missing = " and ".join(part for part, absent in (("a reason", not reason),
                                                               ("how sure you are", confidence is None)) if absent)
            self.query_one("#reason-error", Static).update(f"Please give {missing} before deciding.")
            self.query_one("#reason" if not reason else "#confidence").focus()
            return
        self.dismiss(ReasonResult(reason, confidence))
