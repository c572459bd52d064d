"""The key bar at the bottom: one widget drawing one line, redrawn only when the keys it shows change.

Textual's Footer is a container holding a widget per key, each with its own
style rules, and it throws them all away and mounts new ones whenever the
bindings may have changed. On the decision screen it was, after the choice
list, the dearest thing to start: 93 M of the 530 M instructions that running
the app to the first decision cost us (issue 8, `bench/startup_instructions.py`).
The keys are one line of text, so this draws them as one, with Footer's look
(the theme's footer colours, the command palette's key on the right) and its
behaviour: clicking a key presses it; a key that does nothing now is dimmed and
only rings the bell. Footer's tooltips, binding groups and sideways scrolling
are left out: the app has no tooltips or groups on its keys, and a terminal too
narrow for every key still shows the palette, which lists them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual import events
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

KEY = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION = "$footer-description-foreground on $footer-description-background"
HOVER = " on $block-hover-background"


class Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeysFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        &:hover { pointer: pointer; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[Key, ...] = ()
        self._palette: Key | None = None
        self._hover: Key | None = None
        self._places: list[tuple[int, int, Key]] = []  # the columns each key was drawn in, for the mouse

    # -- which keys ---------------------------------------------------------------------------
    def read_keys(self, screen: "Screen") -> tuple[tuple[Key, ...], Key | None]:
        """The keys Footer would show: one per action, in binding order, and the palette's key apart."""
        app = self.app
        keys: dict[str, Key] = {}
        palette = None
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            shown = Key(binding.key, app.get_key_display(binding), binding.description, enabled)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = shown
            elif binding.show:
                keys.setdefault(binding.action, shown)
        return tuple(keys.values()), palette

    def on_mount(self) -> None:
        self._keys, self._palette = self.read_keys(self.screen)
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: "Screen") -> None:
        shown = self.read_keys(screen)
        if shown != (self._keys, self._palette):
            self._keys, self._palette = shown
            self.refresh()  # one line, always: no layout

    # -- drawing ------------------------------------------------------------------------------
    def item(self, key: Key, *, right: bool = False) -> Content:
        hover = HOVER if key == self._hover else ""
        dim = "" if key.enabled else " dim"
        if right:  # Footer draws the palette's key compact
            return Content.assemble((key.display, KEY + hover + dim), (f" {key.description}", DESCRIPTION + hover + dim))
        return Content.assemble((f" {key.display} ", KEY + hover + dim), (f"{key.description} ", DESCRIPTION + hover + dim))

    def render(self) -> Content:
        width = self.size.width
        places: list[tuple[int, int, Key]] = []
        left: list[Content] = []
        x = 0
        for key in self._keys:
            item = self.item(key)
            places.append((x, x + item.cell_length, key))
            left.append(item)
            x += item.cell_length
        line = Content("").join(left)
        if self._palette is not None:
            right = Content.assemble(("▏", "$foreground 20%"), self.item(self._palette, right=True), " ")
            start = max(width - right.cell_length, 0)
            line = line.truncate(start, pad=True)
            places = [(a, min(b, start), key) for a, b, key in places if a < start]
            places.append((start + 1, start + right.cell_length - 1, self._palette))
            line = line + right
        self._places = places
        return line

    # -- the mouse ----------------------------------------------------------------------------
    def key_at(self, x: int) -> Key | None:
        return next((key for start, end, key in self._places if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hover(self.key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self.hover(None)

    def hover(self, key: Key | None) -> None:
        if key != self._hover:
            self._hover = key
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
