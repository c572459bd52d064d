"""The choices of a decision point as a numbered list; unavailable ones disabled, with their reason."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from ...engine import Option as GameOption
from ...scenario.model import Choice
from ..text import line, lines, plain
from .option_list import OptionList


def choice_prompt(number: str, choice: Choice, available: bool, reason: str = "") -> Content:
    rows = [line((f"{number} ", "bold"), plain(choice.label, "" if available else "strike"))]
    if choice.text:
        rows.append(line("   ", plain(choice.text, "italic")))
    if not available:
        rows.append(line("   ", ("✗ unavailable: ", "bold"), reason))
    return lines(rows)


class ChoiceList(OptionList):
    def __init__(self, options: list[GameOption], hidden: list[Choice] = (), *, id: str | None = None) -> None:
        items = [Option(choice_prompt(str(o.number), o.choice, o.available, o.reason), id=o.choice.id,
                        disabled=not o.available) for o in options]
        items += [Option(choice_prompt("–", c, False, "hidden from players while unavailable"), id=c.id, disabled=True)
                  for c in hidden]
        super().__init__(*items, id=id)
        self.game_options = options

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        # A screen laid out behind another while the terminal is tiny can offer no width at all,
        # and OptionList cannot wrap text into zero columns.
        return super().get_content_height(container, viewport, max(width, 1))
