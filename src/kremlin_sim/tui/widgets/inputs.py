"""A text input whose cursor blink the app can turn off (snapshots must be deterministic),
and that never takes in control characters: a pasted escape sequence would otherwise
reach the terminal while the field is on screen, and the save log."""

from __future__ import annotations

import unicodedata

from textual.widgets import Input


def printable(text: str) -> str:
    return "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text if ch not in "\r\n")


class TextInput(Input):
    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink_enabled", True)

    def insert(self, text: str, index: int) -> None:
        super().insert(printable(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(printable(text), start, end)
