"""Textual's OptionList, without its crash on PageUp/PageDown in a list that has no room on screen.

In Textual 8.2.8 the page keys look the highlighted option up in a table that
is only filled while the list has a size. A list hidden under "Terminal too
small" keeps the focus when a window above it closes, and PageDown then raised
KeyError and ended the game. With no page on screen there is nothing to move by.
"""

from __future__ import annotations

from textual.widgets import OptionList as TextualOptionList


class OptionList(TextualOptionList):
    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()
