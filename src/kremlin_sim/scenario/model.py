"""The immutable scenario: what a YAML file means once it has been checked."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from .conditions import Condition
from .frozen import frozen_dataclass


@frozen_dataclass(slots=True)
class Meter:
    id: str
    label: str
    min: int
    max: int
    start: int
    description: str = ""


@frozen_dataclass(slots=True)
class Flag:
    id: str
    description: str = ""


@frozen_dataclass(slots=True)
class Ending:
    id: str
    title: str
    text: str
    style: str | None = None
    when: Condition | None = None  # set: a threshold ending, checked after every choice


@frozen_dataclass(slots=True)
class Adviser:
    name: str
    position: str
    role: str = ""


@frozen_dataclass(slots=True)
class Effect:
    meter: str
    by: int
    why: str


@frozen_dataclass(slots=True)
class Branch:
    to: str
    condition: Condition | None = None


@frozen_dataclass(slots=True)
class Choice:
    id: str
    label: str
    text: str = ""
    effects: tuple[Effect, ...] = ()
    sets: tuple[str, ...] = ()
    next: tuple[Branch, ...] = ()  # empty: the decision point's default applies
    condition: Condition | None = None
    unavailable: str = ""
    hidden: bool = False

    def effect_on(self, meter_id: str) -> int:
        return sum(e.by for e in self.effects if e.meter == meter_id)


@frozen_dataclass(slots=True)
class Source:
    author: str
    title: str
    year: int


@frozen_dataclass(slots=True)
class Quote:
    text: str
    by: str
    date: str = ""


@frozen_dataclass(slots=True)
class History:
    choice: str | None  # None: none of the choices; `instead` says what was done
    date: str
    what_happened: str
    consequences: str = ""
    instead: str = ""
    closest: str | None = None
    known_then: str = ""
    sources: tuple[Source, ...] = ()
    quotes: tuple[Quote, ...] = ()
    question: str = ""

    @property
    def path_choice(self) -> str | None:
        """The choice the historical path follows."""
        return self.choice if self.choice is not None else self.closest


@frozen_dataclass(slots=True)
class Decision:
    id: str
    date: str
    title: str
    briefing: str
    choices: tuple[Choice, ...]
    history: History | None = None
    advisers: tuple[Adviser, ...] = ()
    next: tuple[Branch, ...] = ()

    def choice(self, choice_id: str) -> Choice | None:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        return None

    @property
    def year(self) -> int:
        return int(self.date[:4]) if self.date[:4].isdigit() else 0


@frozen_dataclass
class Scenario:
    format: int
    id: str
    title: str
    start: str
    meters: tuple[Meter, ...]
    endings: tuple[Ending, ...]
    decisions: tuple[Decision, ...]
    flags: tuple[Flag, ...] = ()
    period: str = ""
    author: str = ""
    language: str = "en"
    summary: str = ""
    sources: tuple[Source, ...] = ()
    content_hash: str = ""
    path: str = field(default="", compare=False)

    @cached_property
    def decision_by_id(self) -> dict[str, Decision]:
        return {d.id: d for d in self.decisions}

    @cached_property
    def ending_by_id(self) -> dict[str, Ending]:
        return {e.id: e for e in self.endings}

    @cached_property
    def meter_by_id(self) -> dict[str, Meter]:
        return {m.id: m for m in self.meters}

    @cached_property
    def threshold_endings(self) -> tuple[Ending, ...]:
        return tuple(e for e in self.endings if e.when is not None)

    def decision(self, node_id: str) -> Decision | None:
        return self.decision_by_id.get(node_id)

    def ending(self, node_id: str) -> Ending | None:
        return self.ending_by_id.get(node_id)

    def start_meters(self) -> dict[str, int]:
        return {m.id: m.start for m in self.meters}
