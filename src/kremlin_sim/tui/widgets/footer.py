"""The key bar at the bottom, rebuilt only when the keys it shows change.

Textual's Footer throws away and remounts all its keys whenever the bindings
*may* have changed: on every focus change and every return to a screen. Each
new key then restyles itself twice (it starts compact and is bound to the
footer's setting, which is not). On the decision screen that was a third of the
time to first paint, and it came back after every Esc from the reason window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen


class KeysFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[object, ...] | None = None

    def keys_on(self, screen: "Screen") -> tuple[object, ...]:
        """What compose would draw: the shown bindings and the palette key (the namespace is irrelevant)."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple((key, active.binding, active.enabled, active.tooltip)
                     for key, active in screen.active_bindings.items() if active.binding.show or key == palette)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready and self.app.app_focus:
            # Footer draws nothing the first time and waits for the screen's first bindings signal to
            # compose again: a second mount and layout of every key before the first paint. The keys
            # can be read now; when the signal comes and they are the same, nothing is rebuilt.
            self.set_reactive(Footer._bindings_ready, True)
        if self._bindings_ready:
            self._shown = self.keys_on(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Footer binds these keys to its own setting (the palette key it leaves compact):
                # start them there, so that the binding changes nothing and restyles nothing.
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: "Screen") -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:  # when Footer would recompose
            keys = self.keys_on(screen)
            if keys == self._shown:
                return
            self._shown = keys  # several calls before the rebuild runs: rebuild once
        super().bindings_changed(screen)
