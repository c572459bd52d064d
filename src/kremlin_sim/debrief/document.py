"""A report as a few plain blocks, written once and rendered as Markdown or HTML.

Every string here is plain text (student and scenario text included): the
renderers escape all of it and never interpret any of it as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple, Union


@dataclass(frozen=True)
class Heading:
    text: str
    level: int                              # 1 for the document, 2 a section, 3 and 4 inside one
    anchor: str = ""                        # an id a Reference can point to (letters, digits and hyphens)


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""                          # a few words shown in bold before the text


@dataclass(frozen=True)
class Reference:
    """A pointer to what is told once elsewhere in the same report: a link in HTML, plain text in Markdown."""

    text: str
    target: str                             # the words that link
    anchor: str                             # the Heading's anchor


Cells = tuple[str, ...]
# A row's items: a cell, or a run of cells that many rows share (the scenario's text on every student's page),
# which a renderer may render once and reuse. `cells()` gives the row as plain cells.
Row = tuple[Union[str, Cells], ...]


class SharedRow(tuple):  # type: ignore[type-arg]
    """A whole row that many tables hold, the same object each time (history's meters and events on every
    student's page): a renderer may render it once. Otherwise a row like any other."""

    __slots__ = ()


def cells(row: Row) -> list[str]:
    return [cell for item in row for cell in ((item,) if isinstance(item, str) else item)]


@dataclass(frozen=True)
class Table:
    headers: Cells
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]
    ordered: bool = False


class Series(NamedTuple):
    """One line of a chart. A named tuple, not a frozen dataclass: the SVG renderer's caches hash and compare
    each student's series, and a dataclass does both with Python methods."""

    label: str
    values: tuple[float | None, ...]        # one per x position; None where the line has no point
    dash: Literal["solid", "dashed"]
    ranges: tuple[tuple[int, int] | None, ...] = ()   # min–max whiskers at each x position


@dataclass(frozen=True)
class Chart:
    title: str
    x_labels: tuple[str, ...]
    y_label: str
    y_min: int
    y_max: int
    series: tuple[Series, ...]


Block = Union[Heading, Paragraph, Reference, Table, Items, Chart]


@dataclass(frozen=True)
class Section:
    blocks: tuple[Block, ...]
    kind: Literal["overview", "class", "student", "excluded"]


@dataclass(frozen=True)
class Document:
    title: str
    sections: tuple[Section, ...]
