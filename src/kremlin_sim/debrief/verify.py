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
UNSEEN = object()


@dataclass(frozen=True)
class Result:
    problems: tuple[str, ...]      # empty: the log replays exactly
    state: State                   # where the recorded choices lead


class Verifier:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.rules = Rules(scenario)
        self._memo: dict[tuple[State, str], tuple[State, tuple[Any, ...]] | None] = {}
        # The same outcomes by choice sequence: students' games share their first choices, and following a
        # tree of choices costs a string lookup per step, where the memo hashes and compares whole states.
        self._tree: dict[str, tuple[tuple[State, tuple[Any, ...]] | None, dict]] = {}

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
        state = self.rules.initial()
        memo, following = self._memo, self._tree
        for record in log.steps:
            choice = record.get("choice")
            if not isinstance(choice, str):
                return None
            known = following.get(choice)
            if known is None:  # a new sequence of choices; its state may still have been reached another way
                key = (state, choice)
                expected = memo.get(key, UNSEEN)
                if expected is UNSEEN:
                    expected = memo[key] = self._apply(state, choice)
                known = following[choice] = (expected, {})
            expected, following = known
            try:
                if expected is None or CHECKED(record) != expected[1]:
                    return None
            except KeyError:  # a field missing: `replay` says which
                return None
            state = expected[0]
        if log.end is not None and (self.rules.decision(state) is not None or log.end.get("ending") != state.node):
            return None
        return state

    def _apply(self, state: State, choice: str) -> tuple[State, tuple[Any, ...]] | None:
        decision = self.rules.decision(state)
        if decision is None:
            return None
        try:
            after, _ = self.rules.advance(state, choice)
        except RuleError:
            return None
        historical = decision.history.choice if decision.history else None
        # exactly what `replay(strict=True)` compares in each step record, in the order of CHECKED
        return after, (state.node, choice, self.rules.meters(state), self.rules.meters(after), after.node, historical,
                       (choice == historical) if decision.history else None)
