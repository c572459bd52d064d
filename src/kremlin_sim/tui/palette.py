"""Textual's command palette, without its crash on PageUp/PageDown while its list has no rows on screen.

In Textual 8.2.8 the palette pages its list (an OptionList) through a line
table that is filled only once the list has a size. PageUp pressed right after
typing, before the list is laid out, or in a terminal under five rows high,
raised KeyError and ended the game. With no rows on screen there is no page.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandList, CommandPalette


class Palette(CommandPalette):
    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int) -> None:
        commands = self.query_one(CommandList)
        if not commands.scrollable_content_region:
            return
        if direction > 0:
            commands.action_page_down()
        else:
            commands.action_page_up()
