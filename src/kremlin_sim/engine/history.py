"""The historical path: the meters a player would have had by following history."""

from __future__ import annotations

from ..scenario.frozen import frozen_dataclass
from .rules import RuleError, Rules, State


@frozen_dataclass(slots=True)
class PathPoint:
    node: str
    choice: str
    meters_before: dict[str, int]
    meters_after: dict[str, int]
    next: str


def historical_path(rules: Rules, start: State | None = None, limit: int = 1000) -> tuple[list[PathPoint], State]:
    """Follow each decision point's historical choice until an ending, or until
    history records no choice or its choice is unavailable; return the points
    and the state where the path stopped."""
    state = start or rules.initial()
    points: list[PathPoint] = []
    seen = set()
    while len(points) < limit and state not in seen:
        seen.add(state)
        decision = rules.decision(state)
        if decision is None or decision.history is None or decision.history.path_choice is None:
            break
        try:
            outcome = rules.apply(state, decision.history.path_choice)
        except RuleError:
            break
        points.append(PathPoint(decision.id, outcome.choice, rules.meters(state), rules.meters(outcome.after), outcome.after.node))
        state = outcome.after
    return points, state
