"""Replay a save log through the rules: resume a game, or verify one was not edited."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..scenario import bundled_paths, load_file
from ..scenario.model import Scenario
from .game import Game, Step, make_step
from .rules import RuleError, Rules, State
from .savelog import SaveError, SaveLog


@dataclass
class Verdict:
    path: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # not failures: e.g. a torn last line recovered
    rules: Rules | None = None
    state: State | None = None                       # where the replay stopped
    steps: list[Step] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @cached_property
    def game(self) -> Game | None:
        """A live game at the replayed state, built only when asked for: the state
        machine costs more than verifying a log, and most verdicts never need it."""
        if self.rules is None or self.state is None:
            return None
        return Game(self.rules.scenario, self.state, self.rules, self.steps)


def scenario_for_log(log: SaveLog, explicit: str | os.PathLike[str] | None = None) -> Scenario:
    """The scenario a log was played on: the one named, else the file it was played from, else the bundled one."""
    wanted = log.scenario_id
    candidates: list[Path] = []
    if explicit:
        if not os.path.isfile(explicit):  # never fall back silently to another file than the one named
            raise SaveError(f"{log.path}: the scenario file {explicit} does not exist (or is not a file)")
        candidates.append(Path(explicit))
    source = log.header.get("scenario", {}).get("source")
    if isinstance(source, str) and source:
        candidates.append(Path(source))
    if wanted in bundled_paths():
        candidates.append(bundled_paths()[wanted])
    for path in candidates:
        if not os.path.isfile(path):  # the source comes from the log: any text, even a name the OS refuses
            continue
        result = load_file(path)
        if result.scenario is not None and result.scenario.id == wanted:
            return result.scenario
        if explicit and path == Path(explicit):
            found = result.scenario.id if result.scenario else "an invalid scenario"
            raise SaveError(f'{log.path}: the log is a game of "{wanted}", but {explicit} is {found}')
    raise SaveError(f'{log.path}: the scenario "{wanted}" cannot be found; name its file with --scenario')


def replay(log: SaveLog, scenario: Scenario, strict: bool = True) -> Verdict:
    """Re-play every recorded choice; strict: also compare every recorded meter and ending.

    Goes through the rules themselves (no state machine), so verifying a class
    of logs costs what the rules cost; `verdict.game` is a live Game at the
    replayed state, built when asked for."""
    verdict = Verdict(log.path)
    if log.truncated:
        verdict.notes.append("the last line was cut off (the game was interrupted while saving); it was dropped")
    if log.header.get("scenario", {}).get("hash") != scenario.content_hash:
        verdict.problems.append(f'the scenario "{scenario.id}" has changed since this game was played')
    rules = Rules(scenario)
    state = rules.initial()
    steps: list[Step] = []
    for record in log.steps:
        n = record.get("n")
        node, choice = record.get("node"), record.get("choice")
        if rules.decision(state) is None:
            verdict.problems.append(f"step {n}: the game had already ended")
            return verdict
        if node != state.node:
            verdict.problems.append(f'step {n}: recorded at "{str(node)[:40]}" but the game was at "{state.node}"')
            return verdict
        try:
            outcome = rules.apply(state, str(choice))
        except RuleError as exc:
            verdict.problems.append(f"step {n}: {exc}")
            return verdict
        confidence = record.get("confidence")
        step = make_step(rules, outcome, str(record.get("reason") or ""),
                         confidence if isinstance(confidence, int) else None, record.get("seconds"))
        steps.append(step)
        state = outcome.after
        if strict:
            for key in ("meters_before", "meters_after", "next", "matches_history", "historical_choice"):
                if record.get(key) != getattr(step, key):
                    verdict.problems.append(f"step {n} ({node}): the recorded {key.replace('_', ' ')} do not follow from the choices (edited?)")
                    break
    over = rules.decision(state) is None
    if log.end is not None:
        if not over:
            verdict.problems.append(f'the log ends the game with "{log.end.get("ending")}" but the choices do not end it')
        elif log.end.get("ending") != state.node:
            verdict.problems.append(f'the recorded ending "{str(log.end.get("ending"))[:40]}" does not follow from the choices (the choices lead to "{state.node}")')
    verdict.rules, verdict.state, verdict.steps = rules, state, steps
    return verdict
