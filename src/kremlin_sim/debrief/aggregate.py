"""What a group of games adds up to: choices, reasons, tension and endings per decision point."""

from __future__ import annotations

from collections import Counter
from statistics import median

from .model import DecisionSummary, EndingSummary, GameRecord, Group, Spread, StepRecord


def spread(values: list[int]) -> Spread | None:
    return Spread(median(values), min(values), max(values)) if values else None


def summarise(group: Group) -> Group:
    """Fill in the group's decision and ending summaries, in the scenario's order."""
    visits: dict[str, list[tuple[GameRecord, StepRecord]]] = {}
    for game in group.games:
        for step in game.steps:
            visits.setdefault(step.node, []).append((game, step))
    group.decisions = []
    meter = group.tension_meter
    for decision in group.scenario.decisions:
        made = visits.get(decision.id, [])
        point = group.history_at(decision.id)
        if not made and point is None:
            continue
        counts = {choice.id: 0 for choice in decision.choices}
        reasons: dict[str, list[tuple[str, str]]] = {choice.id: [] for choice in decision.choices}
        matched, tension = 0, []
        for game, step in made:  # one pass: a class of hundreds of games makes thousands of decisions
            counts[step.choice] += 1
            if step.reason:
                reasons[step.choice].append((game.player, step.reason))
            if step.matches_history:
                matched += 1
            tension.append(step.meters_after[meter])
        group.decisions.append(DecisionSummary(
            decision=decision, made=len(made), counts=counts, matched=matched,
            reasons={choice: tuple(items) for choice, items in reasons.items()},
            tension=spread(tension), history=point,
        ))
    ended = Counter(game.ending for game in group.games)
    group.endings = [EndingSummary(ending.id, ending.title, ending.style, ended[ending.id])
                     for ending in group.scenario.endings]
    return group
