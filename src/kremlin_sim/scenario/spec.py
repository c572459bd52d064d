"""The format v1, declared once: the structural check and the JSON Schema both read it."""

from __future__ import annotations

from dataclasses import field
from typing import Union

from .frozen import frozen_dataclass

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
SCENARIO_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_ID = 64
MAX_LINE = 300       # labels, titles, one-line whys
MAX_TEXT = 20_000    # Markdown fields


@frozen_dataclass
class Scalar:
    kind: str  # id | scenario_id | line | text | int | bool | date | condition
    minimum: int | None = None
    maximum: int | None = None


@frozen_dataclass
class Field:
    name: str
    type: "Type"
    required: bool = False
    doc: str = ""


@frozen_dataclass
class Struct:
    name: str
    fields: tuple[Field, ...]
    doc: str = ""

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


@frozen_dataclass
class ListOf:
    item: "Type"
    min_items: int = 0
    max_items: int | None = None


@frozen_dataclass
class MapOf:
    """A mapping from ids (here: meter ids) to values of one type."""

    value: "Type"


@frozen_dataclass
class OneOf:
    options: tuple["Type", ...] = field(default=())
    doc: str = ""


Type = Union[Scalar, Struct, ListOf, MapOf, OneOf]

ID = Scalar("id")
LINE = Scalar("line")
TEXT = Scalar("text")
INT = Scalar("int")
BOOL = Scalar("bool")
DATE = Scalar("date")
CONDITION = Scalar("condition")

SOURCE = Struct("source", (
    Field("author", LINE, True, "Author or editor."),
    Field("title", LINE, True, "Title of the book or article."),
    Field("year", Scalar("int", 1000, 2100), True, "Year of publication."),
), "A published source.")

QUOTE = Struct("quote", (
    Field("text", TEXT, True, "The words quoted, short and accurate."),
    Field("by", LINE, True, "Who said or wrote them."),
    Field("date", LINE, False, "When."),
), "An attributed quotation.")

METER = Struct("meter", (
    Field("id", ID, True, "Used in effects and conditions."),
    Field("label", LINE, True, "Shown to players."),
    Field("min", INT, True, "Lowest value."),
    Field("max", INT, True, "Highest value."),
    Field("start", INT, True, "Value at the start of the game."),
    Field("description", LINE, False, "One line: what the meter means."),
), "A quantity the game tracks, such as tension.")

FLAG = Struct("flag", (
    Field("id", ID, True, "Used in `sets` and conditions."),
    Field("description", LINE, False, "One line: what it records."),
), "A fact that a choice can make true for the rest of the game.")

ENDING = Struct("ending", (
    Field("id", ID, True, "Named by a choice's `next`."),
    Field("title", LINE, True, "Shown to players."),
    Field("text", TEXT, True, "What happens; Markdown."),
    Field("style", LINE, False, "A name for how the player played, e.g. \"The Pragmatist\"."),
    Field("when", CONDITION, False, "A threshold: checked after every choice; the first that holds ends the game."),
), "How a game can end.")

ADVISER = Struct("adviser", (
    Field("name", LINE, True, "Who advises."),
    Field("role", LINE, False, "Their office at that date."),
    Field("position", TEXT, True, "What they argue for."),
), "An adviser and their position.")

EFFECT = Struct("effect", (
    Field("by", INT, True, "How much the meter changes (negative lowers it)."),
    Field("why", LINE, True, "One line: the model's assumption, shown to students."),
), "A change to one meter.")

BRANCH = Struct("branch", (
    Field("if", CONDITION, False, "Take this branch when the condition holds; the last branch has none."),
    Field("to", ID, True, "A decision point or ending."),
), "One conditional destination.")

NEXT = OneOf((ID, ListOf(BRANCH, 1)), "A decision point or ending id, or a list of branches.")

CHOICE = Struct("choice", (
    Field("id", ID, True, "Stable: saves refer to it."),
    Field("label", LINE, True, "One line, shown in the list of choices."),
    Field("text", TEXT, False, "A longer explanation; Markdown."),
    Field("effects", MapOf(EFFECT), False, "Meter id -> change and why."),
    Field("sets", ListOf(ID), False, "Flags this choice sets."),
    Field("next", NEXT, False, "Where it leads; defaults to the decision point's `next`."),
    Field("condition", CONDITION, False, "When the choice is available."),
    Field("unavailable", LINE, False, "Shown while the condition does not hold."),
    Field("hidden", BOOL, False, "Hide the choice entirely while unavailable."),
), "One option open to the player.")

HISTORY = Struct("history", (
    Field("choice", ID, True, "The choice taken, or `none`."),
    Field("instead", TEXT, False, "What was done instead, when `choice` is none."),
    Field("closest", ID, False, "When `choice` is none: the choice the historical path follows."),
    Field("date", LINE, True, "When it happened, as you want it shown."),
    Field("what_happened", TEXT, True, "What happened; Markdown."),
    Field("consequences", TEXT, False, "What followed; Markdown."),
    Field("known_then", TEXT, False, "What the leadership could have known then."),
    Field("sources", ListOf(SOURCE, 1), True, "At least one source."),
    Field("quotes", ListOf(QUOTE), False, "Attributed quotations."),
    Field("question", LINE, False, "A discussion question."),
), "What actually happened.")

DECISION = Struct("decision", (
    Field("id", ID, True, "Stable: saves refer to it."),
    Field("date", DATE, True, "YYYY, YYYY-MM or YYYY-MM-DD."),
    Field("title", LINE, True, "Shown as the heading."),
    Field("briefing", TEXT, True, "What the leadership knew at that date; Markdown."),
    Field("advisers", ListOf(ADVISER, 0, 8), False, "Advisers and their positions."),
    Field("next", NEXT, False, "Default destination for choices that name none."),
    Field("choices", ListOf(CHOICE, 1, 9), True, "One to nine choices."),
    Field("history", HISTORY, False, "The historical record."),
), "A moment of decision.")

SCENARIO = Struct("scenario", (
    Field("format", Scalar("int", 1, 1), True, "Format version: 1."),
    Field("id", Scalar("scenario_id"), True, "Lowercase letters, digits, - and _."),
    Field("title", LINE, True, "Shown on the title screen."),
    Field("period", LINE, False, "The years covered, as shown."),
    Field("author", LINE, False, "Who wrote it."),
    Field("language", LINE, False, "Language code, e.g. en."),
    Field("summary", TEXT, False, "A paragraph for the title screen."),
    Field("sources", ListOf(SOURCE), False, "Sources for the whole scenario."),
    Field("start", ID, True, "The first decision point."),
    Field("meters", ListOf(METER, 1, 12), True, "The meters."),
    Field("flags", ListOf(FLAG), False, "Flags choices may set."),
    Field("endings", ListOf(ENDING, 1), True, "The endings."),
    Field("decisions", ListOf(DECISION, 1), True, "The decision points, in date order."),
), "A kremlin-sim scenario.")
