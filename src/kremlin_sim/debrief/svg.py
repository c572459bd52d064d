"""Line charts as inline SVG: readable printed in black and white.

Each line has its own dash pattern and marker shape and is named in text
(a legend and a label at its last point), so nothing depends on colour.
Every label is escaped: series names can hold a student's name.
"""

from __future__ import annotations

from html import escape

from .document import Chart, Series

WIDTH, HEIGHT = 680, 290
LEFT, RIGHT, TOP, BOTTOM = 52, 170, 40, 70
DASHES = {"solid": "", "dashed": ' stroke-dasharray="7 5"'}
COLOURS = ("#1f3a5f", "#9c4a00")
RANGES = " (bars: lowest to highest)"


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render(chart: Chart) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = len(chart.x_labels)
    span = (chart.y_max - chart.y_min) or 1

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h * (chart.y_max - value) / span

    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
           f'role="img" aria-label="{e(chart.title)}">', f"<title>{e(chart.title)}</title>"]
    for value in (chart.y_min, (chart.y_min + chart.y_max) / 2, chart.y_max):
        out.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
                   f'<text class="tick" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value:g}</text>')
    out.append(f'<text class="axis" x="14" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" '
               f'transform="rotate(-90 14 {TOP + plot_h / 2:.1f})">{e(chart.y_label)}</text>')
    for i, label in enumerate(chart.x_labels):
        base = TOP + plot_h + 14
        out.append(f'<text class="tick" x="{x(i):.1f}" y="{base}" text-anchor="end" '
                   f'transform="rotate(-35 {x(i):.1f} {base})">{e(label)}</text>')
    ends: list[float] = []
    for number, series in enumerate(chart.series):
        out += _series(series, number, x, y, ends)
    out += _legend(chart.series)
    out.append("</svg>")
    return "".join(out)


def _series(series: Series, number: int, x, y, ends: list[float]) -> list[str]:
    colour = COLOURS[number % len(COLOURS)]
    out = [f'<g class="series"><title>{e(series.label)}</title>']
    for i, bounds in enumerate(series.ranges):
        if bounds is not None:
            out.append(f'<line class="range" x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{y(bounds[0]):.1f}" '
                       f'y2="{y(bounds[1]):.1f}" stroke="{colour}"/>')
    run: list[str] = []
    points = [(i, v) for i, v in enumerate(series.values) if v is not None]
    for position, (i, value) in enumerate(points):
        run.append(f"{x(i):.1f},{y(value):.1f}")
        broken = position + 1 == len(points) or points[position + 1][0] != i + 1
        if broken:
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{DASHES[series.dash]} '
                       f'points="{" ".join(run)}"/>')
            run = []
        out.append(_marker(x(i), y(value), number, colour))
    if points:
        last_i, last_value = points[-1]
        label_y = y(last_value) + 4
        while any(abs(label_y - other) < 13 for other in ends):
            label_y += 13
        ends.append(label_y)
        out.append(f'<text class="end" x="{x(last_i) + 8:.1f}" y="{label_y:.1f}">{e(_short(series.label))}</text>')
    out.append("</g>")
    return out


def _marker(cx: float, cy: float, number: int, colour: str) -> str:
    if number % 2 == 0:
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}"/>'
    return f'<rect x="{cx - 3.5:.1f}" y="{cy - 3.5:.1f}" width="7" height="7" fill="white" stroke="{colour}" stroke-width="1.5"/>'


def _legend(series: tuple[Series, ...]) -> list[str]:
    out = []
    for number, item in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        top = 14 + 16 * number
        out.append(f'<line x1="{LEFT}" x2="{LEFT + 34}" y1="{top}" y2="{top}" stroke="{colour}" stroke-width="2.5"'
                   f'{DASHES[item.dash]}/>{_marker(LEFT + 17, top, number, colour)}'
                   f'<text class="legend" x="{LEFT + 42}" y="{top + 4}">{e(item.label)}{RANGES if item.ranges else ""}</text>')
    return out


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
