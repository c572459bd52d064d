"""What a group of games adds up to: choices, reasons, tension and endings per decision point."""

from __future__ import annotations

from collections import Counter
from statistics import median

from .model import DecisionSummary, EndingSummary, Group, Spread


def spread(values: list[int]) -> Spread | None:
    return Spread(median(values), min(values), max(values)) if values else None


def summarise(group: Group) -> Group:
    """Fill in the group's decision and ending summaries, in the scenario's order."""
    decisions = group.scenario.decisions
    # Tallies per decision point, filled in one pass over every decision of every game (a class of hundreds of
    # games makes thousands), each visit counted where it was made.
    counts = {decision.id: {choice.id: 0 for choice in decision.choices} for decision in decisions}
    reasons: dict[str, dict[str, list[tuple[str, str]]]] = {
        decision.id: {choice.id: [] for choice in decision.choices} for decision in decisions}
    matched = {decision.id: 0 for decision in decisions}
    tension: dict[str, list[int]] = {decision.id: [] for decision in decisions}
    meter = group.tension_meter
    for game in group.games:
        for step in game.steps:
            node = step.node
            counts[node][step.choice] += 1
            if step.reason:
                reasons[node][step.choice].append((game.player, step.reason))
            if step.matches_history:
                matched[node] += 1
            tension[node].append(step.meters_after[meter])
    group.decisions = []
    for decision in decisions:
        made = len(tension[decision.id])  # one value per visit
        point = group.history_at(decision.id)
        if not made and point is None:
            continue
        group.decisions.append(DecisionSummary(
            decision=decision, made=made, counts=counts[decision.id], matched=matched[decision.id],
            reasons={choice: tuple(items) for choice, items in reasons[decision.id].items()},
            tension=spread(tension[decision.id]), history=point,
        ))
    ended = Counter(game.ending for game in group.games)
    group.endings = [EndingSummary(ending.id, ending.title, ending.style, ended[ending.id])
                     for ending in group.scenario.endings]
    return group
