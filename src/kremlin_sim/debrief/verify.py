"""Verify save logs at class scale without building a Game per log.

`engine.replay` builds a `Game`, whose transitions Machine costs milliseconds
per log, and a class report reads hundreds. This check replays through
`Rules` alone, with the outcomes shared between logs (students' games start
alike), and compares exactly what `replay` compares. When it finds anything
wrong, `replay` itself is asked for the verdict, so a problem is always
reported in the engine's own words; tests hold the two checks equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from ..engine import RuleError, Rules, SaveLog, State, replay
from ..scenario.model import Scenario


# The fields of a step record the check compares, read in one call (a missing field raises KeyError).
CHECKED = itemgetter("node", "choice", "meters_before", "meters_after", "next", "historical_choice", "matches_history")
# What a choice that cannot be made here leads to: no state, and fields no record's can equal.
NOWHERE: tuple[None, tuple[()]] = (None, ())


@dataclass(frozen=True)
class Result:
    problems: tuple[str, ...]      # empty: the log replays exactly
    state: State                   # where the recorded choices lead


# A node of the tree of choice sequences: the state after the choice, the fields its record must hold (in the
# order of CHECKED), and the choices made next.
Node = tuple[State | None, tuple[Any, ...], dict]


class Verifier:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.rules = Rules(scenario)
        self._start = self.rules.initial()
        self._memo: dict[tuple[State, str], tuple[State | None, tuple[Any, ...]]] = {}
        # The same outcomes by choice sequence: students' games share their first choices, and following a
        # tree of choices costs a string lookup per step, where the memo hashes and compares whole states.
        self._tree: dict[Any, Node] = {}
        # Meters as records hold them, one dict per distinct set of values: outcomes share most of them.
        self._meters: dict[tuple[int, ...], dict[str, int]] = {}

    def check(self, log: SaveLog) -> Result:
        """Problems other than a changed scenario version (the caller decides about that)."""
        state = self._replays_to(log)
        if state is not None:
            return Result((), state)
        verdict = replay(log, self.scenario)
        changed = log.header["scenario"].get("hash") != self.scenario.content_hash
        problems = tuple(p for p in verdict.problems if not (changed and "has changed" in p))
        final = verdict.game.state if verdict.game is not None else self.rules.initial()
        return Result(problems, final)  # the engine has the last word, even where it is the more lenient

    def _replays_to(self, log: SaveLog) -> State | None:
        """The final state when every record is what the rules produce, else None."""
        state, following = self._start, self._tree
        for record in log.steps:
            try:
                fields = CHECKED(record)
                node = following.get(fields[1])
            except (KeyError, TypeError):  # a field missing, or a choice no dict can hold: `replay` says which
                return None
            if node is None:  # a new sequence of choices; its state may still have been reached another way
                node = following[fields[1]] = (*self._outcome(state, fields[1]), {})
            if fields != node[1]:
                return None
            state, following = node[0], node[2]
        if log.end is not None and (self.rules.decision(state) is not None or log.end.get("ending") != state.node):
            return None
        return state

    def _outcome(self, state: State, choice: str) -> tuple[State | None, tuple[Any, ...]]:
        key = (state, choice)
        outcome = self._memo.get(key)
        if outcome is None:
            outcome = self._memo[key] = self._apply(state, choice)
        return outcome

    def _apply(self, state: State, choice: str) -> tuple[State | None, tuple[Any, ...]]:
        decision = self.rules.decision(state)
        if decision is None:
            return NOWHERE
        try:
            after, _ = self.rules.advance(state, choice)
        except RuleError:
            return NOWHERE
        history = decision.history
        historical = history.choice if history else None
        # exactly what `replay(strict=True)` compares in each step record, in the order of CHECKED
        return after, (state.node, choice, self._meters_of(state), self._meters_of(after), after.node, historical,
                       (choice == historical) if history else None)

    def _meters_of(self, state: State) -> dict[str, int]:
        meters = self._meters.get(state.meters)
        if meters is None:
            meters = self._meters[state.meters] = self.rules.meters(state)
        return meters
