"""The meters, always in view while playing: label, number and a bar (never colour alone)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from ...scenario.model import Meter
from ..text import line, lines, plain, signed

FILLED, EMPTY = "█", "░"


def bar(value: int, meter: Meter, width: int) -> str:
    span = max(meter.max - meter.min, 1)
    filled = round((min(max(value, meter.min), meter.max) - meter.min) / span * width)
    return FILLED * filled + EMPTY * (width - filled)


def delta_mark(delta: int) -> str:
    return f" ▲{signed(delta)}" if delta > 0 else f" ▼{signed(delta)}" if delta < 0 else ""


class MeterPanel(Widget):
    """Wide enough (30 columns): one line a meter; in the sidebar: label above, bar and number below."""

    def __init__(self, meters: tuple[Meter, ...], values: dict[str, int], *, deltas: dict[str, int] | None = None,
                 flags: tuple[str, ...] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.meters = meters
        self.values = dict(values)
        self.deltas = dict(deltas or {})
        self.flags = flags  # shown in the teacher preview only
        self.border_title = "Meters"

    def show(self, values: dict[str, int], deltas: dict[str, int] | None = None,
             flags: tuple[str, ...] | None = None) -> None:
        self.values, self.deltas, self.flags = dict(values), dict(deltas or {}), flags
        self.refresh(layout=True)

    def render(self) -> Content:
        width = max(self.content_size.width, 12)
        rows: list[Content] = []
        for meter in self.meters:
            value = self.values.get(meter.id, meter.start)
            number = f" {value:>3}{delta_mark(self.deltas.get(meter.id, 0))}"
            if width >= 30:  # a narrow terminal gives the meters its whole width: one line each saves rows
                label_width = min(max(len(m.label) for m in self.meters), width // 2 - 1)
                label = plain(meter.label).truncate(label_width, ellipsis=True, pad=True)
                track = max(width - label_width - len(number) - 1, 4)
                rows.append(line(label, " ", (bar(value, meter, track), "$accent"), (number, "bold")))
            else:
                rows.append(plain(meter.label, "bold").truncate(width, ellipsis=True))
                track = max(width - len(number), 4)
                rows.append(line((bar(value, meter, track), "$accent"), (number, "bold")))
        if self.flags is not None:
            rows.append(line(("flags: ", "italic"), ", ".join(self.flags) or "none"))
        return lines(rows)
