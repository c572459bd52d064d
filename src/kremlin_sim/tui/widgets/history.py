"""What actually happened at one decision point, and whether the player matched history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...scenario.model import Decision
from ..text import clean, line, lines, plain
from .prose import scenario_markdown


def history_choice_text(decision: Decision) -> Content:
    history = decision.history
    assert history is not None
    if history.choice is not None:
        chosen = decision.choice(history.choice)
        return plain(chosen.label if chosen else history.choice, "bold")
    closest = decision.choice(history.closest) if history.closest else None
    text = line(("none of the choices: ", "bold"), history.instead)
    if closest is not None:
        text = line(text, " (closest: ", closest.label, ")")
    return text


def match_text(decision: Decision, player_choice: str | None) -> Content:
    history = decision.history
    if history is None or player_choice is None:
        return Content("")
    if player_choice == history.choice:
        return line(("✓ Same as history: ", "bold"), "you made the choice the leadership made.")
    return line(("✗ Different from history: ", "bold"), "the leadership chose otherwise.")


class HistoryPanel(Vertical):
    def __init__(self, decision: Decision, player_choice: str | None, *, heading: Content | None = None,
                 id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"history {classes}".strip())
        self.decision = decision
        self.player_choice = player_choice
        self.heading = heading

    def compose(self) -> ComposeResult:
        history = self.decision.history
        assert history is not None
        yield Static(self.heading or Content("What actually happened"), classes="heading")
        yield Static(line(("History: ", "bold"), history_choice_text(self.decision), "  ·  ", history.date),
                     classes="history-choice")
        if self.player_choice is not None:
            yield Static(match_text(self.decision, self.player_choice), classes="match")
        yield scenario_markdown(history.what_happened, classes="what-happened")
        if history.consequences:
            yield Static(Content.styled("Consequences", "bold"), classes="subheading")
            yield scenario_markdown(history.consequences, classes="consequences")
        for quote in history.quotes:
            said = line(("“", "italic"), (clean(quote.text), "italic"), ("”", "italic"), " — ", quote.by,
                        f", {clean(quote.date)}" if quote.date else "")
            yield Static(said, classes="quote")
        if history.sources:
            yield Static(Content.styled("Sources", "bold"), classes="subheading")
            yield Static(lines([line("• ", s.author, ", ", (clean(s.title), "italic"), f" ({s.year})")
                                for s in history.sources]), classes="sources")
        if history.question:
            yield Static(line(("Discuss: ", "bold"), history.question), classes="question")
