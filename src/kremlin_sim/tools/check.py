"""`kremlin-sim check`: every reachable state explored, then a plain-text report.

`check_scenario` does the work and returns data (for the benchmark and the
teacher preview); `run` is the command: load, check, print, exit 0 or 1.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from ..scenario.model import Scenario
from .explore import DEFAULT_MAX_STATES, Exploration, explore
from .findings import Finding, state_findings
from .plays import (Playthrough, RandomRun, history_findings, history_playthrough, play_strategies, random_findings,
                    random_games, strategy_findings)
from .playtime import PlayingTime, playing_time


@dataclass
class CheckResult:
    exploration: Exploration
    history: Playthrough
    strategies: dict[str, Playthrough]
    playing_time: PlayingTime
    random: RandomRun | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_scenario(scenario: Scenario, random_count: int = 0, seed: int = 0,
                   max_states: int = DEFAULT_MAX_STATES) -> CheckResult:
    found = explore(scenario, max_states)
    rules = found.rules
    history = history_playthrough(rules)
    strategies = play_strategies(rules)
    run = random_games(rules, random_count, seed) if random_count > 0 else None
    findings = state_findings(found) + history_findings(rules, history) + strategy_findings(strategies)
    if run is not None:
        findings += random_findings(run)
    return CheckResult(found, history, strategies, playing_time(scenario, history), run, findings)


def run(args: argparse.Namespace) -> int:
    from ..cli import require_scenario, say
    from .report import format_report
    if args.random < 0:
        say("kremlin-sim check: --random needs a number of games of 0 or more")
        return 2
    scenario = require_scenario(args.path)
    if scenario is None:
        return 1
    result = check_scenario(scenario, args.random, args.seed)
    print(format_report(result, args.path), end="")
    return 0 if result.ok else 1
