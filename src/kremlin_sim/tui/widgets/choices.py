"""The choices of a decision point as a numbered list; unavailable ones disabled, with their reason.

Not Textual's OptionList, which cost the first screen more than the rest of the
decision screen together: its component classes, per-option render cache,
ScrollBar widgets and a second layout of the screen once it has measured its
options. This list draws itself (scrolling.py) and looks and behaves as an
OptionList does: Up/Down/Home/End/PageUp/PageDown move the highlight over the
options that can be chosen, Enter or a click chooses, the mouse highlights what
it is over, the list follows the highlight, and the theme's block-cursor colours
show the highlight (muted when the list has not the focus).
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.content import Content
from textual.geometry import clamp
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widgets import OptionList

from ...engine import Option as GameOption
from ...scenario.model import Choice
from ..text import line, lines, plain
from .scrolling import ScrollingLines
from .theme_styles import resolve

# OptionList's looks for its options, by the same theme variables.
HIGHLIGHTED = "$block-cursor-foreground on $block-cursor-background $block-cursor-text-style"
HIGHLIGHTED_BLURRED = "$foreground on $block-cursor-blurred-background $block-cursor-blurred-text-style"
DISABLED = "$text-disabled"
HOVER = "on $block-hover-background"


def choice_prompt(number: str, choice: Choice, available: bool, reason: str = "") -> Content:
    rows = [line((f"{number} ", "bold"), plain(choice.label, "" if available else "strike"))]
    if choice.text:
        rows.append(line("   ", plain(choice.text, "italic")))
    if not available:
        rows.append(line("   ", ("✗ unavailable: ", "bold"), reason))
    return lines(rows)


class Entry(NamedTuple):
    id: str
    prompt: Content
    enabled: bool


class ChoiceList(ScrollingLines, can_focus=True):
    ALLOW_SELECT = False
    BINDINGS = OptionList.BINDINGS  # to the same actions

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        &:focus { border: tall $border; background-tint: $foreground 5%; }
    }
    """

    class Highlighted(Message):
        def __init__(self, choice_id: str) -> None:
            super().__init__()
            self.choice_id = choice_id

    class Chosen(Message):
        def __init__(self, choice_id: str) -> None:
            super().__init__()
            self.choice_id = choice_id

    def __init__(self, options: list[GameOption], hidden: Sequence[Choice] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.game_options = options
        self.entries = [Entry(o.choice.id, choice_prompt(str(o.number), o.choice, o.available, o.reason), o.available)
                        for o in options]
        self.entries += [Entry(c.id, choice_prompt("–", c, False, "hidden from players while unavailable"), False)
                         for c in hidden]
        self._highlighted = self._enabled_from(0, 1)
        self._hover: int | None = None
        self._starts: list[int] = []  # where each entry's lines begin
        self._follow = True  # show the highlight once the lines are made

    # -- the highlight ------------------------------------------------------------------------------
    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = clamp(index, 0, len(self.entries) - 1) if self.entries else None
        if index == self._highlighted:
            return
        self._highlighted, self._follow = index, True
        self.lines_changed()
        if index is not None and self.entries[index].enabled:
            self.post_message(self.Highlighted(self.entries[index].id))

    @property
    def highlighted_id(self) -> str | None:
        return None if self._highlighted is None else self.entries[self._highlighted].id

    def _enabled_from(self, start: int, direction: int, wrap: bool = False) -> int | None:
        """The first option that can be chosen from `start` on, going `direction`; past an end to the other if `wrap`."""
        count = len(self.entries)
        for step in range(count):
            index = start + step * direction
            if wrap:
                index %= count
            elif not 0 <= index < count:
                return None
            if self.entries[index].enabled:
                return index
        return None

    def _move(self, index: int | None) -> None:
        if index is not None:
            self.highlighted = index

    def _step(self, direction: int) -> None:
        current = self._highlighted
        if current is None:
            self._move(self._enabled_from(0 if direction == 1 else len(self.entries) - 1, direction))
        else:
            self._move(self._enabled_from(current + direction, direction, wrap=True))

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        self._move(self._enabled_from(0, 1))

    def action_last(self) -> None:
        self._move(self._enabled_from(len(self.entries) - 1, -1))

    def _page(self, direction: int) -> None:
        height = self.page_height
        if not height or not self.entries:
            return  # no room on screen (a terminal too small): there is no page to move by
        if self._highlighted is None:
            if direction < 0:
                self.action_first()
            else:
                self.action_last()
            return
        y = clamp(self._starts[self._highlighted] + direction * height, 0, self.line_count - 1)
        landed = max(i for i, start in enumerate(self._starts) if start <= y)
        self._move(self._enabled_from(landed, direction))

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def action_select(self) -> None:
        index = self._highlighted
        if index is not None and self.entries[index].enabled:
            self.post_message(self.Chosen(self.entries[index].id))

    def look(self) -> tuple[object, ...]:
        return *super().look(), self.has_focus  # the highlight shows whether the list has the focus

    # -- the mouse ------------------------------------------------------------------------------
    def _on_mouse_move(self, event: events.MouseMove) -> None:
        hover = event.style.meta.get("option")
        if hover != self._hover:
            self._hover = hover
            self.lines_changed()

    def _on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.lines_changed()

    def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("option")
        if index is not None and self.entries[index].enabled:
            self.highlighted = index
            self.action_select()

    # -- drawing --------------------------------------------------------------------------------
    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        # A screen laid out behind another while the terminal is tiny can offer no width at all,
        # and text cannot wrap into zero columns.
        return self._count_lines(max(width, 1))

    def _count_lines(self, width: int) -> int:
        return sum(entry.prompt.get_height(self.styles, width) for entry in self.entries)

    def overflows(self, width: int, height: int) -> bool:
        return self._count_lines(width) > height  # the heights Textual has just laid the list out with

    def _style(self, index: int) -> Style:
        entry = self.entries[index]
        if not entry.enabled:
            look = DISABLED
        elif index == self._highlighted:
            look = HIGHLIGHTED if self.has_focus else HIGHLIGHTED_BLURRED
        elif index == self._hover:
            look = HOVER
        else:
            return self.visual_style
        return self.visual_style + Style.parse(resolve(look, self.app.theme_variables))

    def make_lines(self, width: int) -> list[Strip]:
        made: list[Strip] = []
        self._starts = []
        for index, entry in enumerate(self.entries):
            style = self._style(index)
            option = RichStyle.from_meta({"option": index})  # which option the mouse is on
            pad = option + style.rich_style
            self._starts.append(len(made))
            for strip in Visual.to_strips(self, entry.prompt, width, None, style):
                segments = [Segment(text, option + text_style) for text, text_style, _ in strip]
                if missing := width - strip.cell_length:
                    segments.append(Segment(" " * missing, pad))
                made.append(Strip(segments, width))
        return made

    def lines_made(self, resized: bool) -> None:
        # The list follows the highlight when it moves and when the list changes size, not when
        # the mouse wheel has scrolled it away.
        if (self._follow or resized) and self._highlighted is not None and self.page_height:
            self._follow = False
            start = self._starts[self._highlighted]
            end = self._starts[self._highlighted + 1] if self._highlighted + 1 < len(self._starts) else len(self._lines)
            self.show_lines(start, end - start)
