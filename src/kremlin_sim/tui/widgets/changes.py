"""The meter changes of one decision, each with the scenario's *why* (which students may dispute)."""

from __future__ import annotations

from textual.content import Content

from ...engine import MeterChange
from ...scenario.model import Scenario
from ..text import line, lines, plain, signed


def changes_content(scenario: Scenario, changes: tuple[MeterChange, ...]) -> Content:
    if not changes:
        return Content("No meter moved.")
    rows = []
    for change in changes:
        meter = scenario.meter_by_id.get(change.meter)
        label = meter.label if meter else change.meter
        moved = change.after - change.before
        note = "" if moved == change.by else f"  (would be {signed(change.by)}; the meter stops at its limit)"
        rows.append(line(plain(label, "bold"), f"  {change.before} → {change.after}  ", (signed(moved), "bold"), note))
        rows.append(line("  because: ", plain(change.why, "italic")))
    return lines(rows)


def effects_preview(scenario: Scenario, changes: tuple[MeterChange, ...]) -> Content:
    """Teacher preview: the exact effects of a choice, in one line each."""
    if not changes:
        return Content("no effects")
    return lines([line(plain(scenario.meter_by_id[c.meter].label if c.meter in scenario.meter_by_id else c.meter),
                       f" {signed(c.by)} ({c.before}→{c.after}): ", plain(c.why, "italic")) for c in changes])
