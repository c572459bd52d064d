"""The report as CSV: one row per student per decision, for a spreadsheet.

A game with no decisions yet still gets a row, and so does every log left
out (status "excluded", the reason in `notes`). Text that a spreadsheet
would run as a formula (starting with = + - @, a tab or a carriage return)
gets a leading `'`; so does text that already starts with `'`, so removing
one leading `'` always gives back the original.
"""

from __future__ import annotations

import csv
import io

from . import labels
from .model import ClassRecord, GameRecord, Group, StepRecord

RISKY = ("=", "+", "-", "@", "\t", "\r", "'")
COLUMNS = ("scenario", "version", "player", "file", "status", "ending", "style", "n", "date", "decision",
           "decision_title", "choice", "choice_label", "historical_choice", "historical_label", "matches_history",
           "reason", "confidence", "notes")


def guard(value: object) -> object:
    """Neutralise text a spreadsheet would execute; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(RISKY):
        return "'" + value
    return value


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def render(record: ClassRecord) -> str:
    meters = list(dict.fromkeys(m.id for group in record.groups for m in group.scenario.meters))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS + tuple(f"{m}_{when}" for m in meters for when in ("before", "after")))
    for group in record.groups:
        for game in group.games:
            for step in game.steps or (None,):
                row = _row(group, game, step, record.anonymised)
                row += [value for m in meters for value in _meter(step, m)]
                writer.writerow([guard(value) for value in row])
    for number, item in enumerate(record.excluded, 1):
        row = {"file": f"log {number}" if record.anonymised else item.path, "status": "excluded", "notes": item.reason}
        writer.writerow([guard(row.get(column, "")) for column in COLUMNS])
    return buffer.getvalue()


def _row(group: Group, game: GameRecord, step: StepRecord | None, anonymised: bool) -> list[object]:
    scenario = group.scenario
    ending = scenario.ending(game.ending) if game.ending else None
    row: list[object] = [scenario.id, game.version, game.player, "" if anonymised else game.path,
                         "verified" if game.finished else "verified, unfinished",
                         ending.title if ending else "", (ending.style or "") if ending else ""]
    if step is None:
        return row + [""] * (len(COLUMNS) - len(row) - 1) + [" ".join(game.notes)]
    decision = scenario.decision_by_id[step.node]
    matches = "" if step.matches_history is None else labels.matched_word(step.matches_history)
    return row + [step.n, decision.date, step.node, decision.title, step.choice,
                  labels.choice_label(decision, step.choice), step.historical_choice or "",
                  labels.historical_label(decision), matches, step.reason,
                  "" if step.confidence is None else step.confidence, " ".join(game.notes)]


def _meter(step: StepRecord | None, meter: str) -> tuple[object, object]:
    if step is None or meter not in step.meters_after:
        return "", ""
    return step.meters_before[meter], step.meters_after[meter]
