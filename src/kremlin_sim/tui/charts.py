"""Character pictures of a game, as plain strings: the timeline and the meter plots.

Pictures never rely on colour: the two paths use different marks and are labelled.
"""

from __future__ import annotations

from typing import Sequence

from ..scenario.frozen import frozen_dataclass
from ..scenario.model import Decision

BLOCKS = "▁▂▃▄▅▆▇█"
YOU, HISTORY, BOTH = "●", "○", "◉"


# -- timeline -------------------------------------------------------------------------------------

def timeline_units(decisions: Sequence[Decision]) -> list[str]:
    """Every year from the first decision to the last; months when all fall in one year."""
    years = sorted({d.year for d in decisions if d.year})
    if len(years) > 1:
        return [str(year) for year in range(years[0], years[-1] + 1)]
    months = sorted({d.date[:7] for d in decisions if len(d.date) >= 7})
    if len(months) > 1:
        return months
    return [str(years[0])] if years else []


def unit_index(units: Sequence[str], date: str) -> int:
    """Where a date falls on the timeline; -1 when it does not."""
    for i, unit in enumerate(units):
        if date.startswith(unit):
            return i
    return -1


def visible_window(count: int, current: int, fits: int) -> range:
    """The slice of `count` units to show when only `fits` fit, keeping `current` in view."""
    if count <= fits:
        return range(count)
    fits = max(fits, 1)
    start = min(max(current - fits // 2, 0), count - fits)
    return range(start, start + fits)


# -- meter plots ----------------------------------------------------------------------------------

def sparkline(values: Sequence[int], low: int, high: int) -> str:
    """One block per value, on the meter's own scale so two lines compare."""
    span = max(high - low, 1)
    marks = []
    for value in values:
        fraction = (min(max(value, low), high) - low) / span
        marks.append(BLOCKS[round(fraction * (len(BLOCKS) - 1))])
    return "".join(marks)


@frozen_dataclass
class Plot:
    lines: list[str]
    legend: str


def zoom(values: Sequence[int], low: int, high: int, least: int = 10) -> tuple[int, int]:
    """A y-range around the values (within the meter's range) so small moves show."""
    if not values or high <= low:
        return low, high
    inside = [min(max(value, low), high) for value in values]
    top, bottom = max(inside), min(inside)
    margin = max((least - (top - bottom) + 1) // 2, 2)
    bottom, top = max(bottom - margin, low), min(top + margin, high)
    return bottom, top


def dot_plot(you: Sequence[int], history: Sequence[int], low: int, high: int, width: int, height: int) -> Plot:
    """A scatter of both paths: x is the decision number, y the meter (axis labels give the range)."""
    height = max(height, 3)
    label_width = max(len(str(low)), len(str(high)))
    width = max(width - label_width - 2, 2)
    count = max(len(you), len(history), 2)
    columns = [round(i * (width - 1) / (count - 1)) for i in range(count)]
    grid = [[" "] * width for _ in range(height)]
    span = max(high - low, 1)

    def row(value: int) -> int:
        fraction = (min(max(value, low), high) - low) / span
        return height - 1 - round(fraction * (height - 1))

    for i, value in enumerate(history):
        grid[row(value)][columns[i]] = HISTORY
    for i, value in enumerate(you):
        cell = grid[row(value)]
        cell[columns[i]] = BOTH if cell[columns[i]] in (HISTORY, BOTH) else YOU
    lines = []
    for r, cells in enumerate(grid):
        label = str(high) if r == 0 else str(low) if r == height - 1 else str((high + low) // 2) if r == (height - 1) // 2 and height > 4 else ""
        lines.append(f"{label:>{label_width}} ┤{''.join(cells)}".rstrip())
    lines.append(" " * label_width + " └" + "─" * width)
    last = f"after {count - 1}"
    axis = "start".ljust(width - len(last)) + last if width >= len(last) + 6 else ""
    lines.append(" " * (label_width + 2) + axis)
    legend = f"{YOU} you  {HISTORY} history  {BOTH} both"
    return Plot(lines, legend)
