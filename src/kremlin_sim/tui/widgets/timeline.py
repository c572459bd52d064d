"""The years of the scenario in one line, with the player's place marked in text, not colour."""

from __future__ import annotations

from typing import Sequence

from textual.content import Content
from textual.widget import Widget

from ...scenario.model import Decision
from ..charts import timeline_units, unit_index, visible_window


class Timeline(Widget):
    def __init__(self, decisions: Sequence[Decision], date: str, *, finished: bool = False,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.units = timeline_units(decisions)
        self.current = unit_index(self.units, date)
        self.finished = finished

    def render(self) -> Content:
        if not self.units:
            return Content("")
        cell = max(len(u) for u in self.units) + 5
        shown = visible_window(len(self.units), max(self.current, 0), max(self.content_size.width // cell, 1))
        parts: list[str | tuple[str, str]] = []
        if shown.start > 0:
            parts.append(("… ", "dim"))
        for i in shown:
            unit = self.units[i]
            if i > shown.start:
                parts.append((" ━ ", "") if i <= self.current else (" ─ ", "dim"))
            if i == self.current:
                parts.append((f"■{unit}■" if self.finished else f"▶{unit}◀", "bold reverse"))
            elif i < self.current:
                parts.append((unit, ""))
            else:
                parts.append((unit, "dim"))
        if shown.stop < len(self.units):
            parts.append((" …", "dim"))
        return Content.assemble(*parts)
