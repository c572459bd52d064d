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
from typing import Any

from ..engine import RuleError, Rules, SaveLog, State, replay
from ..scenario.model import Scenario


@dataclass(frozen=True)
class Result:
    problems: tuple[str, ...]      # empty: the log replays exactly
    state: State                   # where the recorded choices lead


class Verifier:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.rules = Rules(scenario)
        self._memo: dict[tuple[State, str], tuple[State, dict[str, Any]] | None] = {}

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
        for record in log.steps:
            if record.get("node") != state.node:
                return None
            expected = self._outcome(state, record.get("choice"))
            if expected is None:
                return None
            after, fields = expected
            for key, value in fields.items():
                if record.get(key) != value:
                    return None
            state = after
        if log.end is not None and (self.rules.decision(state) is not None or log.end.get("ending") != state.node):
            return None
        return state

    def _outcome(self, state: State, choice: Any) -> tuple[State, dict[str, Any]] | None:
        if not isinstance(choice, str):
            return None
        key = (state, choice)
        if key not in self._memo:
            self._memo[key] = self._apply(state, choice)
        return self._memo[key]

    def _apply(self, state: State, choice: str) -> tuple[State, dict[str, Any]] | None:
        decision = self.rules.decision(state)
        if decision is None:
            return None
        try:
            outcome = self.rules.apply(state, choice)
        except RuleError:
            return None
        historical = decision.history.choice if decision.history else None
        fields = {  # exactly what `replay(strict=True)` compares in each step record
            "meters_before": self.rules.meters(state), "meters_after": self.rules.meters(outcome.after),
            "next": outcome.after.node, "historical_choice": historical,
            "matches_history": (choice == historical) if decision.history else None,
        }
        return outcome.after, fields
