"""One game of a scenario, driven by a `transitions` state machine.

The Machine owns the graph: its states are the decision points and endings,
its triggers the choices, its guards the choice conditions. Where a choice
goes depends on meters (threshold endings, conditional `next`), so the event
first asks the rules for the outcome, and each candidate transition's guard
accepts only the destination the rules chose. The rules stay in one place.
"""

from __future__ import annotations

import time
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..scenario.frozen import frozen_dataclass
from ..scenario.model import Decision, Ending, Scenario
from ..scenario.semantic import destinations
from .rules import Option, Outcome, RuleError, Rules, State

if TYPE_CHECKING:
    from transitions import Machine


def trigger_name(choice_id: str) -> str:
    return f"choose_{choice_id}"


@frozen_dataclass(slots=True)
class Step:
    """One decision as made by the player: what a save log line records."""

    node: str
    choice: str
    meters_before: dict[str, int]
    meters_after: dict[str, int]
    flags_after: tuple[str, ...]
    next: str
    historical_choice: str | None
    matches_history: bool | None   # None: the scenario records no history here
    reason: str = ""
    confidence: int | None = None
    seconds: float | None = None


def make_step(rules: Rules, outcome: Outcome, reason: str = "", confidence: int | None = None,
              seconds: float | None = None) -> Step:
    """The record of one decision, from the rules' outcome: how Game and replay both describe a step."""
    decision = rules.decision(outcome.before)
    history = decision.history if decision else None
    historical = history.choice if history else None
    return Step(
        node=outcome.before.node, choice=outcome.choice,
        meters_before=rules.meters(outcome.before), meters_after=rules.meters(outcome.after),
        flags_after=tuple(sorted(outcome.after.flags)), next=outcome.after.node,
        historical_choice=historical, matches_history=(outcome.choice == historical) if history else None,
        reason=reason, confidence=confidence, seconds=seconds,
    )


class Game:
    def __init__(self, scenario: Scenario, state: State | None = None, rules: Rules | None = None,
                 steps: list[Step] | None = None) -> None:
        self.scenario = scenario
        self.rules = rules or Rules(scenario)
        self._state = state or self.rules.initial()
        self._pending: Outcome | None = None
        self.steps: list[Step] = list(steps or ())

    @cached_property
    def machine(self) -> Machine:
        """Built on the first choice, not with the game: nothing before it needs the machine, and building it
        (importing transitions included) was about 23 M instructions, 1.5%, of the start-up to the first decision."""
        from transitions import Machine

        scenario = self.scenario
        machine = Machine(
            model=self, states=[d.id for d in scenario.decisions] + [e.id for e in scenario.endings],
            initial=self._state.node, auto_transitions=False, send_event=True, model_attribute="node",
            prepare_event=self._prepare, finalize_event=self._finalize,
        )
        for decision in scenario.decisions:
            targets = sorted(destinations(scenario, decision))
            for choice in decision.choices:
                for target in targets:
                    machine.add_transition(
                        trigger_name(choice.id), decision.id, target,
                        conditions=[self._goes_to(target)], after=self._commit,
                    )
        return machine

    # -- the machine's callbacks ------------------------------------------------------------
    def _prepare(self, event: Any) -> None:
        choice_id = event.event.name.removeprefix("choose_")
        self._pending = self.rules.apply(self._state, choice_id)

    def _goes_to(self, target: str):
        return lambda event: self._pending is not None and self._pending.after.node == target

    def _commit(self, event: Any) -> None:
        assert self._pending is not None
        self._state = self._pending.after
        self._committed = self._pending

    def _finalize(self, event: Any) -> None:
        self._pending = None

    # -- what the game answers ---------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    @property
    def meters(self) -> dict[str, int]:
        return self.rules.meters(self._state)

    @property
    def decision(self) -> Decision | None:
        return self.rules.decision(self._state)

    @property
    def ending(self) -> Ending | None:
        return self.rules.ending(self._state)

    @property
    def is_over(self) -> bool:
        return self.decision is None

    def options(self) -> list[Option]:
        return self.rules.options(self._state)

    def preview(self, choice_id: str) -> Outcome:
        """What would happen, without doing it."""
        return self.rules.apply(self._state, choice_id)

    def choose(self, choice_id: str, reason: str = "", confidence: int | None = None,
               seconds: float | None = None) -> Step:
        decision = self.decision
        if decision is None:
            raise RuleError("the game is over")
        moved = self._fire(choice_id) if decision.choice(choice_id) else False
        if not moved:
            raise RuleError(f'"{choice_id}" is not a choice of "{decision.id}"')
        step = make_step(self.rules, self._committed, reason, confidence, seconds)
        self.steps.append(step)
        return step

    def _fire(self, choice_id: str) -> bool:
        """The choice's event, fired on the machine for this game (what the trigger method it adds to the game does)."""
        event = self.machine.events[trigger_name(choice_id)]
        from transitions import MachineError  # loaded with the machine

        try:
            return event.trigger(self)
        except MachineError as exc:
            raise RuleError(str(exc)) from None

    def rewind(self, state: State, steps: int) -> None:
        """Go back to an earlier moment of this game: the first `steps` steps, in `state`."""
        self._state = state
        del self.steps[steps:]
        self.machine.set_state(state.node, model=self)


class Clock:
    """Measures how long a player takes over each decision."""

    def __init__(self) -> None:
        self._since = time.monotonic()

    def lap(self) -> float:
        now = time.monotonic()
        taken, self._since = now - self._since, now
        return round(taken, 1)
