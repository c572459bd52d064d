"""A decision point's briefing as one scrolling widget: kicker, title, plain prose and advisers.

When the prose takes the fast path of prose.py, the briefing is one Content in
one widget instead of five widgets in a scrolling container: one to style, lay
out and paint, and no ScrollBar widgets (see scrolling.py). It looks as the five
widgets do under app.tcss, which the Markdown path still uses: the kicker muted,
the title in the accent colour with a line below it, a line above "Your
advisers" and one after them. Like Textual's scrolling container it can take
the focus and scroll by keys; the mouse wheel and the scrollbar scroll it too.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.actions import SkipAction
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual

from .scrolling import ScrollingLines
from .theme_styles import themed

BLANK = Content("")


def briefing_content(kicker: Content, title: Content, prose: Content, advisers: Content | None) -> Content:
    rows = [kicker.stylize_before("$text-muted"), title.stylize_before("$accent"), BLANK, prose]
    if advisers is not None:
        rows += [BLANK, Content.styled("Your advisers", "bold"), advisers, BLANK]
    return Content("\n").join(rows)


class Briefing(ScrollingLines, can_focus=True):
    BINDINGS = ScrollableContainer.BINDINGS  # its horizontal keys pass on: this widget never scrolls sideways

    def __init__(self, content: Content, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = content
        self._themed: tuple[object, Content] | None = None  # (the theme's variables, the content in it)

    def render(self) -> Content:  # also what a text selection is taken from
        variables = self.app.theme_variables
        if self._themed is None or self._themed[0] is not variables:
            self._themed = (variables, themed(self.content, variables))  # and Content keeps its wrapping
        return self._themed[1]

    def overflows(self, width: int, height: int) -> bool:
        content = self.render()
        # Each line of text takes at least the rows its length fills, which is often enough to know
        # without wrapping the text at a width it will not be drawn at.
        at_least = sum(max(1, -(-cell_len(text) // width)) for text in content.plain.split("\n"))
        return at_least > height or content.get_height(self.styles, width) > height

    def make_lines(self, width: int) -> list[Strip]:
        return Visual.to_strips(self, self.render(), width, None, self.visual_style)

    def selection_updated(self, selection: Selection | None) -> None:
        self.lines_changed()

    def _scroll(self, top: int) -> None:
        if not self.max_top:
            raise SkipAction()  # nothing to scroll: the key is for someone else
        self.scroll_to_line(top)

    def action_scroll_up(self) -> None:
        self._scroll(self.top - 1)

    def action_scroll_down(self) -> None:
        self._scroll(self.top + 1)

    def action_page_up(self) -> None:
        self._scroll(self.top - self.page_height)

    def action_page_down(self) -> None:
        self._scroll(self.top + self.page_height)

    def action_scroll_home(self) -> None:
        self._scroll(0)

    def action_scroll_end(self) -> None:
        self._scroll(self.max_top)
