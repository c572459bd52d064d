"""What a scenario's own text puts on every student's page, worked out once per group.

A class report repeats the same dates, titles, choice labels and history
("what happened") on each of hundreds of student pages; only the student's
choices, reasons and meters differ. Each piece here is made once per scenario
version (and decision point, choice) and the same tuple of plain strings is
reused for every student, so the renderers can also reuse what they made of it.
"""

from __future__ import annotations

from itertools import chain, repeat
from operator import itemgetter

from ..engine import PathPoint
from ..scenario.model import Decision
from . import labels
from .document import Cells, Paragraph, Reference, Row, SharedRow
from .labels import ABSENT
from .model import GameRecord, Group, StepRecord

Line = tuple[int | None, ...]              # a chart line: one value per x position, None where there is none
# A point of the meters chart and table: the x label (a date), tension yours and history's, and the table row.
MetersPoint = tuple[str, int | None, int | None, SharedRow]


class Phrases:
    def __init__(self, group: Group, told_in: str = "") -> None:
        """`told_in`: the anchor of the class part that tells what happened at each decision point; the student
        pages then point there instead of repeating it (the student report, with no class part, tells it)."""
        self.group = group
        self.told_in = told_in
        told = Reference("What happened at each decision point is told once, in the class part:", "Decisions", told_in)
        self.told_elsewhere: tuple[Reference, ...] = (told,) if told_in else ()
        scenario = group.scenario
        self.meter_ids = tuple(meter.id for meter in scenario.meters)
        self.tension = scenario.meter_by_id[group.tension_meter]
        self.tension_index = self.meter_ids.index(self.tension.id)
        self.your_chart_title = f"{self.tension.label}: your game beside history"
        start = scenario.start_meters()
        self._start_values = tuple(start[m] for m in self.meter_ids)
        history = {point.node: tuple(point.meters_after[m] for m in self.meter_ids)
                   for point in reversed(group.history)}  # the first visit wins, as in Group.history_at
        self.meters_headers: Cells = ("After",) + tuple(
            f"{meter.label}: {side}" for meter in scenario.meters for side in ("you", "history"))
        start_tension = self._start_values[self.tension_index]
        self._start_point = ("Start", start_tension, start_tension,
                             SharedRow((self._meters_cells("the start", self._start_values, self._start_values),)))
        self.decisions_headers: Cells = ("Date", "Decision", "Your choice", "Your reason", "Confidence",
                                       "History's choice", *self._told("What happened"), "Same as history?")
        self.evidence_headers: Cells = ("Date", "Event", *self._told("What happened"),
                                      f"{self.tension.label} in history", "What you did instead")
        # History's steps, in order: the decision point, history's choice there, the row of a student who did not
        # reach it, of one who chose the same, and (made when first needed) of one who chose otherwise, by the
        # choice and tension before and after.
        self._evidence_points = tuple(self._evidence_point(point) for point in group.history)
        self._decision_rows: dict[tuple[str, str, bool | None], tuple[Cells, Cells, SharedRow]] = {}
        # Each decision point, in order: its id, the point of a student who did not reach it (None off history's
        # path, where such a student has no point), the points of those who did, by their meters there (made when
        # first needed), and what those points share: the date, history's tension and the row's other cells.
        self._meter_points = tuple(self._meters_at(d, history.get(d.id)) for d in scenario.decisions)
        self._outcomes: dict[tuple[str | None, str], tuple[Paragraph, ...]] = {}
        # A student's meters in the scenario's order, read in one call.
        self._values = itemgetter(*self.meter_ids) if len(self.meter_ids) > 1 else lambda m: (m[self.meter_ids[0]],)

    def decision(self, node: str) -> Decision:
        return self.group.scenario.decision_by_id[node]

    def decision_row(self, step: StepRecord) -> Row:
        """A decisions-table row: the scenario's cells around the student's reason and confidence. A step with
        neither (reasons not asked for, or left out) gets the row every such step at that choice shares."""
        key = (step.node, step.choice, step.matches_history)
        known = self._decision_rows.get(key)
        if known is None:
            decision = self.decision(step.node)
            before = (decision.date, decision.title, labels.choice_label(decision, step.choice))
            after = (labels.historical_label(decision), *self._told(labels.what_happened(decision) or ABSENT),
                     labels.matched_word(step.matches_history))
            known = self._decision_rows[key] = (before, after, SharedRow((before, ABSENT, ABSENT, after)))
        before, after, blank = known
        if not step.reason and step.confidence is None:
            return blank
        return (before, step.reason or ABSENT, ABSENT if step.confidence is None else str(step.confidence), after)

    def meters(self, game: GameRecord) -> tuple[Cells, Line, Line, tuple[Row, ...]]:
        """The student's meters beside history's after each decision point either reached: the chart's x labels,
        its two lines of tension, and the table's rows (each meter, yours then history's)."""
        first, values, index = game.first_steps, self._values, self.tension_index
        points = [self._start_point]
        for node, unreached, reached, date, history_tension, cells in self._meter_points:
            step = first.get(node)
            if step is None:
                if unreached is not None:
                    points.append(unreached)
                continue
            mine = values(step.meters_after)
            point = reached.get(mine)
            if point is None:  # each point made once, shared by every student it fits
                point = reached[mine] = (date, mine[index], history_tension, SharedRow((self._yours(cells, mine),)))
            points.append(point)
        dates, yours, theirs, rows = zip(*points)
        return dates, yours, theirs, rows

    def _meters_at(self, decision: Decision, history: tuple[int, ...] | None) -> tuple[
            str, MetersPoint | None, dict[tuple[int, ...], MetersPoint], str, int | None, Cells]:
        """A decision point's entry in `_meter_points`."""
        tension = history[self.tension_index] if history else None
        cells = self._meters_cells(labels.when(decision), None, history)
        unreached = (decision.date, None, tension, SharedRow((cells,))) if history else None
        return decision.id, unreached, {}, decision.date, tension, cells

    def _meters_cells(self, label: str, mine: tuple[int, ...] | None, theirs: tuple[int, ...] | None) -> Cells:
        count = len(self.meter_ids)
        yours = map(str, mine) if mine else repeat(ABSENT, count)
        history = map(str, theirs) if theirs else repeat(ABSENT, count)
        return (label, *chain.from_iterable(zip(yours, history)))

    @staticmethod
    def _yours(cells: Cells, mine: tuple[int, ...]) -> Cells:
        """A row of meters cells with the student's values put in: one cell in two, after the label."""
        row = list(cells)
        row[1::2] = map(str, mine)
        return tuple(row)

    def _evidence_point(self, point: PathPoint) -> tuple[str, str | None, SharedRow, SharedRow, dict]:
        history = self._evidence_row(point.node, point.meters_before, point.meters_after)
        return (point.node, point.choice, SharedRow((history, self._instead(point.node, None, 0, 0))),
                SharedRow((history, self._instead(point.node, "", 0, 0))), {})

    def _evidence_row(self, node: str, before: dict[str, int], after: dict[str, int]) -> Cells:
        decision, meter = self.decision(node), self.tension.id
        return (decision.date, decision.title,
                *self._told(labels.what_happened(decision) or labels.historical_label(decision)),
                labels.change(before[meter], after[meter]))

    def evidence(self, game: GameRecord) -> tuple[SharedRow, ...]:
        """The evidence table's rows: each of history's steps, with what the student did there instead (their first
        decision there) and its effect on tension. A few kinds of answer per step: every student's row is one of
        a few shared rows."""
        first, meter, rows = game.first_steps, self.tension.id, []
        for node, choice, unreached, same, other in self._evidence_points:
            step = first.get(node)
            if step is None:
                rows.append(unreached)
            elif step.choice == choice:
                rows.append(same)
            else:
                key = (step.choice, step.meters_before[meter], step.meters_after[meter])
                row = other.get(key)
                if row is None:
                    row = other[key] = SharedRow((unreached[0], self._instead(node, *key)))
                rows.append(row)
        return tuple(rows)

    def _told(self, what_happened: str) -> Cells:
        """The "what happened" cell, or none where the class part tells it."""
        return () if self.told_in else (what_happened,)

    def _instead(self, node: str, choice: str | None, before: int, after: int) -> str:
        """What a student did at one of history's steps: not reached (None), the same (""), or another choice,
        with its effect on tension (before and after)."""
        if choice is None:
            return "not reached in your game"
        if not choice:
            return "the same as history"
        return f"{labels.choice_label(self.decision(node), choice)} ({labels.change(before, after)})"

    def outcome(self, game: GameRecord) -> tuple[Paragraph, ...]:
        """The ending and its style (or where an unfinished game stopped), then the ending's text."""
        key = (game.ending, game.position)
        blocks = self._outcomes.get(key)
        if blocks is None:
            scenario = self.group.scenario
            ending = scenario.ending(game.ending) if game.ending else None
            text = labels.prose(ending.text) if ending is not None else ""
            blocks = self._outcomes[key] = (Paragraph(labels.outcome(scenario, game), lead="Ending"),
                                            *((Paragraph(text),) if text else ()))
        return blocks
