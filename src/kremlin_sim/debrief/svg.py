"""Line charts as inline SVG: readable printed in black and white.

Each line has its own dash pattern and marker shape and is named in text
(a legend and a label at its last point), so nothing depends on colour.
Every label is escaped: series names can hold a student's name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from typing import NamedTuple

from .document import Chart, Series

WIDTH, HEIGHT = 680, 290
LEFT, RIGHT, TOP, BOTTOM = 52, 170, 40, 70
DASHES = {"solid": "", "dashed": ' stroke-dasharray="7 5"'}
COLOURS = ("#1f3a5f", "#9c4a00")
RANGES = " (bars: lowest to highest)"


# Characters written as numeric references: all beyond ASCII but the C1 controls (a reference to one of
# U+0080-U+009F would be read as a Windows-1252 character instead).
BEYOND_ASCII = re.compile("[\u00a0-\U0010ffff]")


@lru_cache(maxsize=1 << 16)
def e(text: object) -> str:
    """Escaped for HTML text and attributes, with characters beyond ASCII as numeric references (&#8212;).

    A page holding a single character beyond Latin-1 (a dash, an arrow, a Polish name) is held by Python at
    two bytes a character, and even one beyond ASCII makes encoding it to UTF-8 fifteen times slower: the
    class report of 1,000 games ran to 31 MB in memory instead of 16, and took 25 ms to encode instead of
    under 2. Browsers show the references as the characters. Cached, as a class report repeats the
    scenario's text per student."""
    escaped = escape(str(text), quote=True)
    return escaped if escaped.isascii() else BEYOND_ASCII.sub(lambda m: f"&#{ord(m.group())};", escaped)


class Frame(NamedTuple):
    """The plot's geometry: where an x position and a value are drawn. A named tuple, not a frozen dataclass:
    the caches below hash it for every point of every chart, and a dataclass hashes itself in Python."""

    count: int
    y_min: int
    y_max: int

    def x(self, i: int) -> float:
        plot_w = WIDTH - LEFT - RIGHT
        return LEFT + (plot_w * i / (self.count - 1) if self.count > 1 else plot_w / 2)

    def y(self, value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (self.y_max - value) / ((self.y_max - self.y_min) or 1)


def render(chart: Chart) -> str:
    frame = Frame(len(chart.x_labels), chart.y_min, chart.y_max)
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{e(chart.title)}">'
           f"<title>{e(chart.title)}</title>", _axes(frame, chart.x_labels, chart.y_label)]
    ends: list[float] = []
    for number, series in enumerate(chart.series):
        out.append(_series(series, number, frame, _end_label_y(series, frame, ends)))
    out.append(_legend(tuple((s.label, s.dash, bool(s.ranges)) for s in chart.series)))
    out.append("</svg>")
    return "".join(out)


def _end_label_y(series: Series, frame: Frame, taken: list[float]) -> float | None:
    """Where the line's name goes beside its last point, clear of the names already placed."""
    last = next((v for v in reversed(series.values) if v is not None), None)
    if last is None:
        return None
    label_y = frame.y(last) + 4
    while any(abs(label_y - other) < 13 for other in taken):
        label_y += 13
    taken.append(label_y)
    return label_y


@lru_cache(maxsize=256)
def _axes(frame: Frame, x_labels: tuple[str, ...], y_label: str) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    out = []
    for value in (frame.y_min, (frame.y_min + frame.y_max) / 2, frame.y_max):
        y = frame.y(value)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}"/>'
                   f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>')
    out.append(f'<text class="axis" x="14" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" '
               f'transform="rotate(-90 14 {TOP + plot_h / 2:.1f})">{e(y_label)}</text>')
    base = TOP + plot_h + 14
    for i, label in enumerate(x_labels):
        out.append(f'<text class="tick" x="{frame.x(i):.1f}" y="{base}" text-anchor="end" '
                   f'transform="rotate(-35 {frame.x(i):.1f} {base})">{e(label)}</text>')
    return "".join(out)


@lru_cache(maxsize=4096)
def _series(series: Series, number: int, frame: Frame, label_y: float | None) -> str:
    """One line: whiskers, the line itself (broken where it has no point), markers and its name."""
    colour = COLOURS[number % len(COLOURS)]
    out = [f'<g class="series"><title>{e(series.label)}</title>']
    for i, bounds in enumerate(series.ranges):
        if bounds is not None:
            out.append(f'<line class="range" x1="{frame.x(i):.1f}" x2="{frame.x(i):.1f}" '
                       f'y1="{frame.y(bounds[0]):.1f}" y2="{frame.y(bounds[1]):.1f}" stroke="{colour}"/>')
    run: list[str] = []
    points = [(i, v) for i, v in enumerate(series.values) if v is not None]
    for position, (i, value) in enumerate(points):
        where, marker = _point(frame, i, value, number)
        run.append(where)
        if position + 1 == len(points) or points[position + 1][0] != i + 1:
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{DASHES[series.dash]} '
                       f'points="{" ".join(run)}"/>')
            run = []
        out.append(marker)
    if label_y is not None:
        out.append(f'<text class="end" x="{frame.x(points[-1][0]) + 8:.1f}" y="{label_y:.1f}">'
                   f"{e(_short(series.label))}</text>")
    out.append("</g>")
    return "".join(out)


@lru_cache(maxsize=1 << 14)
def _point(frame: Frame, i: int, value: float, number: int) -> tuple[str, str]:
    """A point of a line, as polyline coordinates and its marker: a class's lines share most of their points."""
    x, y = frame.x(i), frame.y(value)
    return f"{x:.1f},{y:.1f}", _marker(x, y, number, COLOURS[number % len(COLOURS)])


def _marker(cx: float, cy: float, number: int, colour: str) -> str:
    if number % 2 == 0:
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}"/>'
    return f'<rect x="{cx - 3.5:.1f}" y="{cy - 3.5:.1f}" width="7" height="7" fill="white" stroke="{colour}" stroke-width="1.5"/>'


@lru_cache(maxsize=1024)
def _legend(entries: tuple[tuple[str, str, bool], ...]) -> str:
    out = []
    for number, (label, dash, ranges) in enumerate(entries):
        colour = COLOURS[number % len(COLOURS)]
        top = 14 + 16 * number
        out.append(f'<line x1="{LEFT}" x2="{LEFT + 34}" y1="{top}" y2="{top}" stroke="{colour}" stroke-width="2.5"'
                   f'{DASHES[dash]}/>{_marker(LEFT + 17, top, number, colour)}'
                   f'<text class="legend" x="{LEFT + 42}" y="{top + 4}">{e(label)}{RANGES if ranges else ""}</text>')
    return "".join(out)


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
