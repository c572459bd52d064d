"""The debrief as pure data: games read from save logs and what a class did together.

Reading (`reading.py`) and aggregating (`aggregate.py`) build these records;
each renderer only formats them. Nothing here knows about a file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

from ..engine import PathPoint
from ..scenario.model import Decision, Scenario


class StepRecord(NamedTuple):
    """One decision as the student made it (the values come from a verified log).

    A named tuple, not a frozen dataclass: as immutable, and a class report makes one per decision of every
    game, where a frozen dataclass's constructor costs four times as much."""

    n: int
    node: str
    choice: str
    historical_choice: str | None
    matches_history: bool | None
    meters_before: dict[str, int]
    meters_after: dict[str, int]
    reason: str
    confidence: int | None


@dataclass(frozen=True)
class GameRecord:
    path: str
    player: str                    # as shown in the report: the real name, or "Student N" when anonymised
    started: str
    scenario_id: str
    version: str                   # the scenario hash the game was played on (from the log's header)
    steps: tuple[StepRecord, ...]
    position: str                  # where the choices lead: an ending, or the decision point still open
    ending: str | None             # the ending id when the game is over
    notes: tuple[str, ...] = ()    # recovered damage or an earlier scenario version: reported, not fatal
    verified: bool = True          # only verified games become records; kept explicit for the JSON

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @cached_property
    def first_steps(self) -> dict[str, StepRecord]:
        """Decision point -> the student's (first) decision there, for the points the game reached."""
        first: dict[str, StepRecord] = {}
        for step in self.steps:
            first.setdefault(step.node, step)
        return first

    @cached_property
    def matched(self) -> int:
        """How many of the game's decisions were history's (the class list and the student page both say)."""
        return sum(1 for step in self.steps if step.matches_history)

    def step_at(self, node: str) -> StepRecord | None:
        """The student's (first) decision at this decision point, if the game reached it."""
        return self.first_steps.get(node)


@dataclass(frozen=True)
class Excluded:
    """A path that could not be used, and why (never dropped silently)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Spread:
    """Median and range of one number across the games that have it."""

    median: float
    low: int
    high: int


@dataclass(frozen=True)
class DecisionSummary:
    decision: Decision
    made: int                                  # decisions made here (a game counts once per visit)
    counts: dict[str, int]                     # choice id -> how many chose it, in the scenario's order
    matched: int                               # how many chose as history did
    reasons: dict[str, tuple[tuple[str, str], ...]]  # choice id -> (player, reason) for the non-empty reasons
    tension: Spread | None                     # the class's tension after deciding here
    history: PathPoint | None                  # history's step here, when history passed this way

    @property
    def node(self) -> str:
        return self.decision.id

    @property
    def historical_choice(self) -> str | None:
        return self.decision.history.choice if self.decision.history else None


@dataclass(frozen=True)
class EndingSummary:
    ending: str                   # ending id
    title: str
    style: str | None
    count: int


@dataclass
class Group:
    """The games of one scenario version, with what they add up to."""

    scenario: Scenario
    version: str                               # the hash the games were played on
    history: list[PathPoint]
    tension_meter: str
    games: list[GameRecord] = field(default_factory=list)
    decisions: list[DecisionSummary] = field(default_factory=list)
    endings: list[EndingSummary] = field(default_factory=list)
    _history_index: dict[str, PathPoint] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._history_index = {point.node: point for point in reversed(self.history)}

    @property
    def current(self) -> bool:
        """False when the games were played on an earlier version of the file they were checked against."""
        return self.version == self.scenario.content_hash

    @property
    def unfinished(self) -> int:
        return sum(1 for game in self.games if not game.finished)

    def history_at(self, node: str) -> PathPoint | None:
        """History's step at this decision point, when the historical path passes it."""
        return self._history_index.get(node)


@dataclass
class ClassRecord:
    kind: Literal["student", "class"]
    groups: list[Group]
    excluded: list[Excluded]
    anonymised: bool = False

    @property
    def games(self) -> list[GameRecord]:
        return [game for group in self.groups for game in group.games]
