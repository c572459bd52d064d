"""The rules of the game, once: the only code that applies a choice.

The transitions Machine, replay and verify, and the exhaustive checker all
call `Rules.apply`, so there is no second copy of what a choice does.
Everything here is pure: states are immutable values.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from ..scenario.frozen import frozen_dataclass
from ..scenario.model import Choice, Decision, Ending, Scenario


class RuleError(ValueError):
    """A choice that cannot be made here: not this decision point's, or not available."""


class State(NamedTuple):
    """Immutable and hashable; a tuple because the checker makes millions of them."""

    node: str                    # a decision point or an ending
    meters: tuple[int, ...]      # in the scenario's meter order
    flags: frozenset[str] = frozenset()


@frozen_dataclass(slots=True)
class MeterChange:
    meter: str
    before: int
    after: int
    by: int                      # as written; `after - before` differs when clamped
    why: str


@frozen_dataclass(slots=True)
class Outcome:
    choice: str
    before: State
    after: State
    changes: tuple[MeterChange, ...]
    ending: Ending | None        # set when the game ends with this choice


@frozen_dataclass(slots=True)
class Option:
    """A choice as the player sees it at one moment."""

    choice: Choice
    number: int                  # 1-based position among the choices shown
    available: bool
    reason: str = ""             # why it is unavailable


class Rules:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.meter_ids = tuple(m.id for m in scenario.meters)
        index = {m: i for i, m in enumerate(self.meter_ids)}
        bounds = [(m.min, m.max) for m in scenario.meters]
        # Each choice's effects as (meter index, change, low, high), worked out once.
        self._plans = {
            (d.id, c.id): (d, c, tuple((index[e.meter], e.by, *bounds[index[e.meter]]) for e in c.effects))
            for d in scenario.decisions for c in d.choices
        }

    def initial(self) -> State:
        return State(self.scenario.start, tuple(m.start for m in self.scenario.meters), frozenset())

    def meters(self, state: State) -> dict[str, int]:
        return dict(zip(self.meter_ids, state.meters))

    def decision(self, state: State) -> Decision | None:
        return self.scenario.decision_by_id.get(state.node)

    def ending(self, state: State) -> Ending | None:
        return self.scenario.ending_by_id.get(state.node)

    def is_available(self, state: State, choice: Choice) -> bool:
        return choice.condition is None or choice.condition(self.meters(state), state.flags)

    def available(self, state: State) -> Iterator[Choice]:
        decision = self.decision(state)
        if decision is None:
            return
        meters = self.meters(state)
        for choice in decision.choices:
            if choice.condition is None or choice.condition(meters, state.flags):
                yield choice

    def options(self, state: State) -> list[Option]:
        """The choices to show: hidden ones left out while unavailable, numbered as shown."""
        decision = self.decision(state)
        if decision is None:
            return []
        shown = []
        for choice in decision.choices:
            available = self.is_available(state, choice)
            if not available and choice.hidden:
                continue
            reason = "" if available else (choice.unavailable or f"Only available when {choice.condition.source}.")
            shown.append(Option(choice, len(shown) + 1, available, reason))
        return shown

    def advance(self, state: State, choice_id: str) -> tuple[State, Ending | None]:
        """The rule itself: the state after a choice, and the ending if the game ends there."""
        plan = self._plans.get((state.node, choice_id))
        if plan is None:
            if state.node not in self.scenario.decision_by_id:
                raise RuleError(f'the game is over ("{state.node}"); no choice can be made')
            raise RuleError(f'"{choice_id}" is not a choice of decision point "{state.node}"')
        decision, choice, effects = plan
        if choice.condition is not None and not choice.condition(dict(zip(self.meter_ids, state.meters)), state.flags):
            raise RuleError(f'choice "{choice_id}" is not available at "{decision.id}" in this state')
        values = list(state.meters)
        # Clamped by comparisons, not min() and max(): builtin calls that cost more than the rest of the loop,
        # and a class report's check replays thousands of new choices.
        for i, by, low, high in effects:
            value = values[i] + by
            values[i] = low if value < low else high if value > high else value
        flags = state.flags | frozenset(choice.sets) if choice.sets else state.flags
        meters = dict(zip(self.meter_ids, values))
        for ending in self.scenario.threshold_endings:
            if ending.when.test(meters, flags):  # type: ignore[union-attr]
                return State(ending.id, tuple(values), flags), ending
        target = self._route(choice.next or decision.next, meters, flags)
        return State(target, tuple(values), flags), self.scenario.ending_by_id.get(target)

    def apply(self, state: State, choice_id: str) -> Outcome:
        """`advance`, with each meter change and its *why*, for screens, logs and replay."""
        after, ending = self.advance(state, choice_id)
        _, choice, effects = self._plans[(state.node, choice_id)]
        changes = tuple(MeterChange(effect.meter, state.meters[i], after.meters[i], effect.by, effect.why)
                        for effect, (i, *_) in zip(choice.effects, effects))
        return Outcome(choice_id, state, after, changes, ending)

    @staticmethod
    def _route(branches, meters, flags) -> str:
        for branch in branches:
            if branch.condition is None or branch.condition(meters, flags):
                return branch.to
        raise RuleError("no branch of `next` holds")  # the loader forbids a list ending in an `if`
