"""Whole games played by a simple rule: history, a fixed strategy, or seeded random choice.

A random game with seed K makes exactly the choices of
`autoplay(session, "random", K)`: a fresh `random.Random(K)` picks with
`.choice` among the ids of the available choices, in file order, at every
step, for at most 10,000 choices. So a seed printed by `check --random`
replays with `kremlin-sim play PATH --auto random --seed K`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Callable

from ..engine.history import historical_path
from ..engine.rules import Rules, State
from ..scenario.model import Choice, Scenario
from .findings import ERROR, WARNING, Finding, quoted

GAME_LIMIT = 10_000                      # the same limit as `autoplay`
ENDED, DEAD_END, LOOP, TOO_LONG, HISTORY_STOPS = "ending", "dead end", "loop", "too long", "history stops"

Picker = Callable[[State, list[Choice]], str]


@dataclass(frozen=True)
class Playthrough:
    nodes: tuple[str, ...]               # where each choice was made
    choices: tuple[str, ...]
    final: State
    stop: str                            # ENDED, DEAD_END, LOOP (a repeated state), TOO_LONG, HISTORY_STOPS

    @property
    def ended(self) -> bool:
        return self.stop == ENDED


def play(rules: Rules, pick: Picker, limit: int = GAME_LIMIT, stop_on_repeat: bool = False) -> Playthrough:
    """Play from the start until an ending, a dead end, `limit` choices, or (for a rule
    that always picks the same way in the same state) a state seen before."""
    state = rules.initial()
    nodes: list[str] = []
    choices: list[str] = []
    seen: set[State] = set()
    stop = ENDED
    while rules.ending(state) is None:
        available = list(rules.available(state))
        if stop_on_repeat and state in seen:
            stop = LOOP
        elif len(choices) >= limit:
            stop = TOO_LONG
        elif not available:
            stop = DEAD_END
        else:
            seen.add(state)
            choice_id = pick(state, available)
            nodes.append(state.node)
            choices.append(choice_id)
            state = rules.advance(state, choice_id)[0]
            continue
        break
    return Playthrough(tuple(nodes), tuple(choices), state, stop)


# -- simple strategies ------------------------------------------------------------------------------

def tension_meter(scenario: Scenario) -> str:
    """The meter the strategies steer by: `tension` when there is one, else the first meter."""
    return "tension" if "tension" in scenario.meter_by_id else scenario.meters[0].id


def strategies(scenario: Scenario) -> dict[str, Picker]:
    """Each strategy by its name. `min` and `max` keep the first of equals, so ties go by file order."""
    meter = tension_meter(scenario)
    return {
        f"always the lowest-{meter} choice": lambda state, available: min(available, key=lambda c: c.effect_on(meter)).id,
        f"always the highest-{meter} choice": lambda state, available: max(available, key=lambda c: c.effect_on(meter)).id,
        "always the first available choice": lambda state, available: available[0].id,
    }


def play_strategies(rules: Rules) -> dict[str, Playthrough]:
    return {name: play(rules, pick, stop_on_repeat=True) for name, pick in strategies(rules.scenario).items()}


def strategy_findings(results: dict[str, Playthrough]) -> list[Finding]:
    finals = {result.final.node for result in results.values()}
    if len(results) > 1 and len(finals) == 1 and all(r.ended for r in results.values()):
        node = finals.pop()
        return [Finding(WARNING, "one-ending", node,
                        f"every simple strategy ends in {quoted(node)}: the choices may matter less than the author intends")]
    return []


# -- seeded random games ----------------------------------------------------------------------------

def random_game(rules: Rules, seed: int) -> Playthrough:
    chooser = random.Random(seed)
    return play(rules, lambda state, available: chooser.choice([c.id for c in available]))


@dataclass
class RandomRun:
    first_seed: int                      # game i was played with seed first_seed + i
    games: list[Playthrough]
    seconds: float

    def seed(self, i: int) -> int:
        return self.first_seed + i

    @property
    def games_per_second(self) -> float:
        return len(self.games) / self.seconds if self.seconds > 0 else float(len(self.games))


def random_games(rules: Rules, count: int, first_seed: int = 0) -> RandomRun:
    began = time.perf_counter()
    games = [random_game(rules, first_seed + i) for i in range(count)]
    return RandomRun(first_seed, games, time.perf_counter() - began)


SHOWN_SEEDS = 10


def random_findings(run: RandomRun) -> list[Finding]:
    """Games that did not end, grouped by where they stopped, with the seeds that replay them."""
    stopped: dict[tuple[str, str], list[int]] = {}
    for i, game in enumerate(run.games):
        if not game.ended:
            stopped.setdefault((game.stop, game.final.node), []).append(run.seed(i))
    findings = []
    for (stop, node), seeds in stopped.items():
        shown = ", ".join(str(seed) for seed in seeds[:SHOWN_SEEDS])
        more = f" and {len(seeds) - SHOWN_SEEDS} more" if len(seeds) > SHOWN_SEEDS else ""
        games = f"{len(seeds)} random game{'s' if len(seeds) != 1 else ''}"
        shown = f"seed{'s' if len(seeds) != 1 else ''} {shown}"
        if stop == DEAD_END:
            findings.append(Finding(ERROR, "random-dead-end", node,
                                    f"{games} reached a dead end at {quoted(node)}: {shown}{more}"))
        else:
            findings.append(Finding(WARNING, "random-too-long", node,
                                    f"{games} did not end within {GAME_LIMIT:,} choices (last at {quoted(node)}): {shown}{more}"))
    return findings


# -- the historical path ----------------------------------------------------------------------------

def history_playthrough(rules: Rules) -> Playthrough:
    points, final = historical_path(rules)
    return Playthrough(tuple(p.node for p in points), tuple(p.choice for p in points), final,
                       ENDED if rules.ending(final) else HISTORY_STOPS)


def history_findings(rules: Rules, result: Playthrough) -> list[Finding]:
    scenario = rules.scenario
    ending = rules.ending(result.final)
    where = quoted(result.final.node)
    if ending is not None:
        if ending.when is None:
            return []
        return [Finding(WARNING, "history-ends-early", ending.id,
                        f"the historical path ends the game early, at the threshold ending {where} "
                        f"after {len(result.choices)} decisions: students who follow history lose")]
    decision = scenario.decision(result.final.node)
    if decision is None or decision.history is None or decision.history.path_choice is None:
        why = "it has no `history` naming a choice"
    elif any(c.id == decision.history.path_choice for c in rules.available(result.final)):
        why = "the historical choices loop back to a state already visited"
    else:
        why = f"the historical choice {quoted(decision.history.path_choice)} is not available there"
    return [Finding(WARNING, "history-stops", result.final.node,
                    f"the historical path stops at {where} after {len(result.choices)} decisions: {why}")]
