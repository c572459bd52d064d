"""Lines of text that scroll inside one widget, under a scrollbar the widget draws itself.

A Textual scrolling container finds out that its content overflows only when
the screen has been laid out; then it creates, styles and paints ScrollBar
widgets, and the whole screen is laid out a second time. This widget knows
whether its lines overflow as soon as it knows its size, and draws the same
scrollbar (Textual's own renderer, in the scrollbar colours of its styles) in
the last columns of its content, where Textual puts one: one widget, one
layout, one paint. The mouse wheel, a click on the track and dragging the thumb
do what they do on Textual's scrollbar.

Subclasses say what the lines are (`make_lines`) and call `lines_changed` when
they must be made again.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.geometry import Region, Size, clamp
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

BAR = "scrolling-bar"  # the meta key on the scrollbar's cells: which part of the bar the mouse is on
EMPTY = Strip([])
TRACK_ABOVE, TRACK_BELOW, THUMB = "scroll_up", "scroll_down", "grab"  # the parts, as ScrollBarRender names them


class ScrollingLines(Widget):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        # No line has a link (scenario text is never markup), and looking for one copies every line.
        self.set_reactive(Widget.auto_links, False)
        self.top = 0  # the first line on show
        self._lines: list[Strip] = []
        self._made_for: Size | None = None  # the content size the lines were made for
        self._stale = True  # what the lines show changed since
        self._look: tuple[object, ...] = ()  # the look the lines were made with
        self._pad = RichStyle()  # the style of the cells between text and scrollbar
        self._bar_width = 0
        self._bar: tuple[tuple[object, ...], list[list[Segment]]] | None = None  # (what it shows, its rows)
        self._over_bar = False
        self._grab: tuple[int, int] | None = None  # (screen row, first line) where the thumb was taken

    # -- for subclasses -----------------------------------------------------------------------
    def make_lines(self, width: int) -> list[Strip]:
        """All the lines, wrapped to `width` cells."""
        raise NotImplementedError

    def overflows(self, width: int, height: int) -> bool:
        """Whether the lines wrapped to `width` cells are more than `height`: they need a scrollbar."""
        return len(self.make_lines(width)) > height

    def lines_made(self, resized: bool) -> None:
        """Called when the lines have been made again, for new content or (`resized`) a new size."""

    def lines_changed(self) -> None:
        """The lines must be made again: what they show changed."""
        self._stale = True
        self.refresh()

    def look(self) -> tuple[object, ...]:
        """What the lines' colours depend on: the widget's style, and the theme (a new theme is a new
        dict of variables). Textual restyles widgets far more often than either changes."""
        return self.visual_style, self.app.theme_variables

    # -- the lines on show --------------------------------------------------------------------
    @property
    def line_count(self) -> int:
        self._make()
        return len(self._lines)

    @property
    def page_height(self) -> int:
        """How many lines the widget shows at once."""
        return self._content_size().height

    def _content_size(self) -> Size:
        # Widget.size is the same, but asks the screen where the widget is.
        width, height = self.outer_size
        gutter = self.styles.gutter
        return Size(max(0, width - gutter.width), max(0, height - gutter.height))

    @property
    def max_top(self) -> int:
        return max(0, self.line_count - self.page_height)

    def scroll_to_line(self, top: int) -> bool:
        """Show the lines from `top` on (as far as there are lines); True if anything moved."""
        top = clamp(top, 0, self.max_top)
        if top == self.top:
            return False
        self.top = top
        self.refresh()
        return True

    def show_lines(self, first: int, count: int) -> None:
        """Scroll as little as needed to show lines first to first+count-1 (their start if they cannot all fit)."""
        height = self.page_height
        if first < self.top or count > height:
            self.scroll_to_line(first)
        elif first + count > self.top + height:
            self.scroll_to_line(first + count - height)

    def _make(self) -> None:
        size, look = self._content_size(), self.look()
        resized = size != self._made_for
        if not (resized or self._stale or look != self._look):
            return
        bar = self.styles.scrollbar_size_vertical
        self._bar_width = bar if size.width > bar and self.overflows(size.width, size.height) else 0
        lines = self.make_lines(size.width - self._bar_width)
        self._lines, self._made_for, self._stale, self._look, self._bar = lines, size, False, look, None
        self.top = clamp(self.top, 0, max(0, len(lines) - size.height))
        self.lines_made(resized)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._make()
        if self._bar_width:
            base_background, background = self.background_colors
            self._pad = Style(background=base_background + background).rich_style  # as Textual pads lines
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        assert self._made_for is not None
        index = self.top + y
        line = self._lines[index] if index < len(self._lines) else EMPTY
        if not line.cell_length:
            line = EMPTY  # an empty line of text is one empty segment, which would draw nothing but show in an SVG
        if not self._bar_width:
            return line  # Textual pads it
        segments = [*line]
        if missing := self._made_for.width - self._bar_width - line.cell_length:
            segments.append(Segment(" " * missing, self._pad))
        segments += self._bar_rows()[y]
        return Strip(segments, self._made_for.width)

    # -- the scrollbar: as Textual's ScrollBar.render draws it --------------------------------
    def _bar_rows(self) -> list[list[Segment]]:
        height, total = self.page_height, len(self._lines)
        styles = self.styles
        if self._grab is not None:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._over_bar:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.background_colors[0] + background
        color = background + color
        key = (height, total, self.top, background, color, self._bar_width)
        if self._bar is not None and self._bar[0] == key:
            return self._bar[1]
        if self.screen.styles.scrollbar_color.a == 0:  # a theme can hide scrollbars, leaving their track
            bar = ScrollBarRender.render_bar(size=height, window_size=0, thickness=self._bar_width,
                                             back_color=background.rich_color)
        else:
            bar = ScrollBarRender.render_bar(size=height, virtual_size=total, window_size=height, position=self.top,
                                             thickness=self._bar_width, back_color=background.rich_color,
                                             bar_color=color.rich_color)
        # ScrollBarRender names the parts in meta as actions for a ScrollBar widget; here the widget
        # itself reads them (the same names would run this widget's own scroll actions).
        under = self.visual_style.rich_style  # what Textual draws a ScrollBar widget over
        rows = [[Segment(segment.text, under + _part(segment.style))] for segment in bar.segments]
        self._bar = (key, rows)
        return rows

    def _set_over_bar(self, over: bool) -> None:
        if over != self._over_bar:
            self._over_bar = over
            self.refresh()

    @property
    def allow_select(self) -> bool:
        # Pressing on the scrollbar selects no text, as on Textual's ScrollBar widget.
        return super().allow_select and BAR not in self.screen.get_style_at(*self.app.mouse_position).meta

    # -- the mouse --------------------------------------------------------------------------------
    def _wheel(self, event: events.MouseEvent, direction: int) -> None:
        if not (event.ctrl or event.shift) and self.scroll_to_line(
                self.top + direction * max(1, round(self.app.scroll_sensitivity_y))):
            event.stop()  # or it goes on to a container that can scroll

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._wheel(event, 1)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._wheel(event, -1)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        if self._grab is not None:
            screen_y, top = self._grab
            height = self.page_height
            if height:
                self.scroll_to_line(top + round((event.screen_y - screen_y) * len(self._lines) / height))
            event.stop()
            return
        self._set_over_bar(BAR in event.style.meta)

    def _on_leave(self, event: events.Leave) -> None:
        if self._grab is None:
            self._set_over_bar(False)

    def _on_mouse_down(self, event: events.MouseDown) -> None:
        part = event.style.meta.get(BAR)
        if part is None:
            return
        event.stop()
        if part == THUMB:
            self._grab = (event.screen_y, self.top)
            self.capture_mouse()
            self.refresh()
        else:
            self.scroll_to_line(self.top + (1 if part == TRACK_BELOW else -1) * self.page_height)

    def _on_mouse_up(self, event: events.MouseUp) -> None:
        if self._grab is not None:
            self.release_mouse()
            event.stop()

    def _on_mouse_release(self, event: events.MouseRelease) -> None:
        self._grab = None
        self.refresh()


def _part(style: RichStyle | None) -> RichStyle | None:
    if style is None:
        return None
    part = style.meta.get("@mouse.down")
    return style.clear_meta_and_links() + RichStyle.from_meta({BAR: part}) if part else style
