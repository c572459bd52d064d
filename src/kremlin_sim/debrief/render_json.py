"""The report as JSON; every field is documented in docs/debrief.md."""

from __future__ import annotations

import json
import re
from typing import Any

from . import labels
from .model import ClassRecord, DecisionSummary, GameRecord, Group

FORMAT = 1
# Characters json.dumps leaves raw that a terminal or a JavaScript parser would act on; they can
# only occur inside strings, where an escape keeps the value exactly.
RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def render(record: ClassRecord) -> str:
    """Indented down to one line per game, decision or group: readable, and fast for a big class
    (json's indenting encoder is pure Python and would be the slowest part of the report)."""
    parts = []
    for key, value in as_data(record).items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {_dumps(item)}" for item in value)
            parts.append(f"  {_dumps(key)}: [\n{items}\n  ]")
        else:
            parts.append(f"  {_dumps(key)}: {_dumps(value)}")
    return RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", "{\n" + ",\n".join(parts) + "\n}\n")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def as_data(record: ClassRecord) -> dict[str, Any]:
    return {
        "report": "kremlin-sim debrief", "format": FORMAT, "kind": record.kind, "anonymised": record.anonymised,
        "essay_question": labels.ESSAY_QUESTION, "unfinished_games": "included",
        "groups": [_group(group) for group in record.groups],
        "decisions": [_decision(group, summary) for group in record.groups for summary in group.decisions],
        "games": [_game(group, game, record.anonymised) for group in record.groups for game in group.games],
        "excluded": [{"file": f"log {number}" if record.anonymised else item.path, "reason": item.reason}
                     for number, item in enumerate(record.excluded, 1)],
    }


def _group(group: Group) -> dict[str, Any]:
    finished = len(group.games) - group.unfinished
    return {
        "scenario": group.scenario.id, "version": group.version, "current_version": group.current,
        "title": group.scenario.title, "tension_meter": group.tension_meter,
        "games": len(group.games), "finished": finished, "unfinished": group.unfinished,
        "endings": [{"ending": e.ending, "title": e.title, "style": e.style, "count": e.count,
                     "share": labels.share(e.count, finished)} for e in group.endings],
        "questions": [{"node": d.id, "question": d.history.question}
                      for d in group.scenario.decisions if d.history and d.history.question],
        "history": [{"node": p.node, "choice": p.choice, "meters_before": p.meters_before,
                     "meters_after": p.meters_after} for p in group.history],
    }


def _decision(group: Group, summary: DecisionSummary) -> dict[str, Any]:
    decision, spread = summary.decision, summary.tension
    return {
        "scenario": group.scenario.id, "version": group.version, "node": summary.node,
        "date": decision.date, "title": decision.title, "made": summary.made,
        "counts": summary.counts,
        "shares": {choice: labels.share(count, summary.made) for choice, count in summary.counts.items()},
        "labels": {choice.id: choice.label for choice in decision.choices},
        "historical_choice": summary.historical_choice,
        "history_path_choice": summary.history.choice if summary.history else None,
        "matched": summary.matched, "matched_share": labels.share(summary.matched, summary.made),
        "tension": {"median": spread.median if spread else None, "min": spread.low if spread else None,
                    "max": spread.high if spread else None,
                    "history": summary.history.meters_after[group.tension_meter] if summary.history else None},
        "reasons": {choice: [{"player": player, "reason": reason} for player, reason in items]
                    for choice, items in summary.reasons.items()},
    }


def _game(group: Group, game: GameRecord, anonymised: bool) -> dict[str, Any]:
    ending = group.scenario.ending(game.ending) if game.ending else None
    return {
        "player": game.player, "file": None if anonymised else game.path, "started": game.started,
        "scenario": game.scenario_id, "version": game.version, "verified": game.verified,
        "finished": game.finished, "ending": game.ending, "ending_title": ending.title if ending else None,
        "style": ending.style if ending else None, "position": game.position, "notes": list(game.notes),
        "steps": [{
            "n": step.n, "node": step.node, "date": group.scenario.decision_by_id[step.node].date,
            "title": group.scenario.decision_by_id[step.node].title, "choice": step.choice,
            "choice_label": labels.choice_label(group.scenario.decision_by_id[step.node], step.choice),
            "historical_choice": step.historical_choice, "matches_history": step.matches_history,
            "meters_before": step.meters_before, "meters_after": step.meters_after,
            "reason": step.reason, "confidence": step.confidence,
        } for step in game.steps],
    }
