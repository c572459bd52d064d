"""What the student and class reports say, as a `Document` for the Markdown and HTML renderers."""

from __future__ import annotations

from ..scenario.model import Decision
from . import labels
from .document import Block, Chart, Document, Heading, Items, Paragraph, Section, Series, Table
from .labels import ABSENT
from .model import ClassRecord, DecisionSummary, GameRecord, Group
from .phrases import Phrases


def build(record: ClassRecord, student_pages: bool) -> Document:
    """The student report, or the class report (with a page per student when `student_pages`)."""
    title = _title(record)
    sections = [_overview(record, title)]
    if record.kind == "class":
        sections += [_class_section(group, _told_in(number)) for number, group in enumerate(record.groups, 1)]
    if record.kind == "student" or student_pages:
        for number, group in enumerate(record.groups, 1):
            # The scenario's text, worked out once for all the group's students. A class report tells what
            # happened once, in the class part, and its student pages point there instead of repeating it.
            phrases = Phrases(group, told_in=_told_in(number) if record.kind == "class" else "")
            sections += [_student_section(phrases, game, with_questions=record.kind == "student")
                         for game in group.games]
    if record.excluded:
        sections.append(_excluded_section(record))
    return Document(title, tuple(sections))


def _told_in(group_number: int) -> str:
    """The anchor of a group's "Decisions" in the class part, where each decision's history is told."""
    return f"decisions-{group_number}"


def _title(record: ClassRecord) -> str:
    if record.kind == "student" and record.games:
        return f"Debrief: {record.games[0].player}"
    titles = dict.fromkeys(group.scenario.title for group in record.groups)
    return "Class debrief" + (f": {'; '.join(titles)}" if titles else "")


def _overview(record: ClassRecord, title: str) -> Section:
    used, left_out = len(record.games), len(record.excluded)
    text = (f"{used} game{'s' if used != 1 else ''} reported"
            + (f"; {left_out} save log{'s' if left_out != 1 else ''} or path{'s' if left_out != 1 else ''} "
               "left out of the figures (listed at the end, with the reason)" if left_out else "; no log was left out")
            + ". Every game was checked by replaying its choices through the scenario's rules. "
            + labels.UNFINISHED_POLICY)
    blocks: list[Block] = [Heading(title, 1), Paragraph(text)]
    if record.anonymised:
        blocks.append(Paragraph("Names are replaced by Student 1, Student 2, … in the order the games were started; "
                                "file names are withheld."))
    return Section(tuple(blocks), "overview")


# -- the class ---------------------------------------------------------------------------------

def _class_section(group: Group, anchor: str) -> Section:
    scenario = group.scenario
    games, unfinished = len(group.games), group.unfinished
    blocks: list[Block] = [
        Heading(f"Class: {scenario.title}", 2),
        Paragraph(f"{games} games: {games - unfinished} finished, {unfinished} unfinished. "
                  f"Scenario {scenario.id}, version {group.version[:12]}."),
    ]
    if not group.current:
        blocks.append(Paragraph(labels.version_note(group.version), lead="Version"))
    blocks += _endings(group)
    blocks += _class_tension(group)
    blocks.append(Heading("Decisions", 3, anchor))
    for summary in group.decisions:
        blocks += _class_decision(summary)
    blocks += _questions(group)
    blocks += [Heading("Students", 3), Table(
        ("Student", "Ending", "Decisions", "As history", "Notes"),
        tuple((game.player, labels.outcome(scenario, game), str(len(game.steps)), str(game.matched),
               " ".join(game.notes)) for game in group.games))]
    return Section(tuple(blocks), "class")


def _endings(group: Group) -> list[Block]:
    finished = len(group.games) - group.unfinished
    rows = [(e.title, e.style or ABSENT, str(e.count), labels.percent(e.count, finished)) for e in group.endings]
    rows.append(("Unfinished", ABSENT, str(group.unfinished), ABSENT))
    return [Heading("Endings", 3), Table(("Ending", "Style", "Games", "Share of finished games"), tuple(rows))]


def _class_tension(group: Group) -> list[Block]:
    meter = group.scenario.meter_by_id[group.tension_meter]
    start = group.scenario.start_meters()[meter.id]
    medians: list[float | None] = [start]
    ranges: list[tuple[int, int] | None] = [None]
    history: list[float | None] = [start]
    rows = []
    for summary in group.decisions:
        spread = summary.tension
        medians.append(spread.median if spread else None)
        ranges.append((spread.low, spread.high) if spread else None)
        history.append(summary.history.meters_after[meter.id] if summary.history else None)
        rows.append((summary.decision.date, summary.decision.title, str(summary.made),
                     labels.number(spread.median if spread else None),
                     f"{spread.low}–{spread.high}" if spread else ABSENT, labels.number(history[-1])))
    chart = Chart(
        f"{meter.label}: the class beside history", ("Start",) + tuple(s.decision.date for s in group.decisions),
        meter.label, meter.min, meter.max,
        (Series("Class median", tuple(medians), "solid", tuple(ranges)),
         Series("History", tuple(history), "dashed")))
    return [Heading(f"{meter.label} after each decision", 3), chart,
            Table(("Date", "Decision", "Decided by", "Class median", "Class range", "History"), tuple(rows))]


def _class_decision(summary: DecisionSummary) -> list[Block]:
    decision = summary.decision
    history = decision.history
    blocks: list[Block] = [
        Heading(labels.when(decision), 4),
        Paragraph(f"{summary.made} decided here; {summary.matched} ({labels.percent(summary.matched, summary.made)}) "
                  f"chose as history did: {labels.historical_label(decision)}."),
    ]
    if labels.what_happened(decision):  # told here once; the student pages of a class report point here
        blocks.append(Paragraph(labels.what_happened(decision), lead="What happened"))
    blocks.append(Table(("Choice", "Students", "Share", "History"), tuple(
        (choice.label, str(summary.counts[choice.id]), labels.percent(summary.counts[choice.id], summary.made),
         _history_mark(decision, choice.id)) for choice in decision.choices)))
    reasons = tuple((labels.choice_label(decision, choice), player, reason)
                    for choice, items in summary.reasons.items() for player, reason in items)
    if reasons:
        blocks.append(Table(("Choice", "Student", "Reason"), reasons))
    else:
        blocks.append(Paragraph("No reasons were given here."))
    if history is not None and summary.history is None:
        blocks.append(Paragraph("History's path does not pass this decision point."))
    return blocks


def _history_mark(decision: Decision, choice_id: str) -> str:
    history = decision.history
    if history is None:
        return ""
    if history.choice == choice_id:
        return "history"
    return "closest to history" if history.choice is None and history.closest == choice_id else ""


def _questions(group: Group) -> list[Block]:
    asked = tuple(f"{labels.when(d)}: {labels.prose(d.history.question)}" for d in group.scenario.decisions
                  if d.history and d.history.question)
    return [Heading("Questions for discussion", 3), Items(asked, ordered=True)] if asked else []


# -- one student -------------------------------------------------------------------------------

def _student_section(phrases: Phrases, game: GameRecord, with_questions: bool) -> Section:
    group = phrases.group
    blocks: list[Block] = [Heading(f"{game.player}: {group.scenario.title}", 2), *phrases.outcome(game)]
    blocks.append(Paragraph(f"{len(game.steps)} decisions, {game.matched} as history did. "
                            f"Started {game.started or 'at an unknown time'}.", lead="Game"))
    blocks += [Paragraph(note, lead="Note") for note in game.notes]
    if not group.current:
        blocks.append(Paragraph(labels.version_note(group.version), lead="Version"))
    blocks += [DECISIONS_HEADING, *phrases.told_elsewhere, _decisions_table(phrases, game)]
    blocks += _meters(phrases, game)
    blocks += [EVIDENCE_HEADING, *phrases.told_elsewhere, _evidence(phrases, game)]
    if with_questions:
        blocks += _questions(group)
    return Section(tuple(blocks), "student")


DECISIONS_HEADING = Heading("Your decisions beside history", 3)
METERS_HEADING = Heading("Meters: your game beside history", 3)
EVIDENCE_HEADING = Heading(f"Evidence: {labels.ESSAY_QUESTION}", 3)


def _decisions_table(phrases: Phrases, game: GameRecord) -> Table:
    return Table(phrases.decisions_headers, tuple([phrases.decision_row(step) for step in game.steps]))


def _meters(phrases: Phrases, game: GameRecord) -> list[Block]:
    """The student's meters after each decision beside history's, aligned by decision point."""
    x_labels, yours, history, rows = phrases.meters(game)
    chart = Chart(phrases.your_chart_title, x_labels, phrases.tension.label, phrases.tension.min,
                  phrases.tension.max, (Series(f"Your game ({game.player})", yours, "solid"),
                                        Series("History", history, "dashed")))
    return [METERS_HEADING, chart, Table(phrases.meters_headers, rows)]


def _evidence(phrases: Phrases, game: GameRecord) -> Table:
    """For the essay: each historical step, its effect on tension, and what the student did there."""
    return Table(phrases.evidence_headers, phrases.evidence(game))


def _excluded_section(record: ClassRecord) -> Section:
    rows = tuple((f"log {number}" if record.anonymised else item.path, item.reason)
                 for number, item in enumerate(record.excluded, 1))
    return Section((Heading("Left out of this report", 2),
                    Paragraph("These paths could not be used; nothing from them is in the figures above."),
                    Table(("File", "Reason"), rows)), "excluded")
