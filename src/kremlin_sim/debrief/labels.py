"""The words and numbers every format uses, so a report says the same thing in each."""

from __future__ import annotations

import re
from functools import lru_cache

from ..scenario.model import Decision, Scenario
from .model import GameRecord

ESSAY_QUESTION = "How far did peaceful coexistence ease Cold War tensions, 1953–61?"
UNFINISHED_POLICY = ("Unfinished games are included and marked unfinished: their decisions count, "
                     "they have no ending.")
ABSENT = "—"


PARAGRAPHS = re.compile(r"\n\s*\n")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


@lru_cache(maxsize=1024)
def prose(markdown: str) -> str:
    """A scenario's Markdown field as plain text: lines joined as Markdown joins them, paragraphs kept,
    bold markers dropped. Nothing is interpreted; the renderers still escape the result."""
    paragraphs = (" ".join(part.split()) for part in PARAGRAPHS.split(markdown.strip()))
    return "\n\n".join(STRONG.sub(r"\2", paragraph) for paragraph in paragraphs if paragraph)


def choice_label(decision: Decision, choice_id: str | None) -> str:
    choice = decision.choice(choice_id) if choice_id else None
    return choice.label if choice else (choice_id or ABSENT)


def historical_label(decision: Decision) -> str:
    history = decision.history
    if history is None:
        return "no historical record"
    if history.choice is None:
        return f"none of these: {prose(history.instead)}".strip()
    return choice_label(decision, history.choice)


def what_happened(decision: Decision) -> str:
    return prose(decision.history.what_happened) if decision.history else ""


def matched_word(matches: bool | None) -> str:
    if matches is None:
        return "no record"
    return "yes" if matches else "no"


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else ABSENT


def number(value: float | None) -> str:
    if value is None:
        return ABSENT
    if isinstance(value, int):
        return str(value)
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def change(before: int, after: int) -> str:
    """A tension change in words, so the direction does not depend on reading a sign."""
    if after < before:
        return f"{before} → {after} ({after - before:+d}): eased"
    if after > before:
        return f"{before} → {after} ({after - before:+d}): raised"
    return f"{before} → {after}: unchanged"


def when(decision: Decision) -> str:
    return f"{decision.date} {decision.title}"


def outcome(scenario: Scenario, game: GameRecord) -> str:
    """The ending and its style, or where an unfinished game stopped."""
    ending = scenario.ending(game.ending) if game.ending else None
    if ending is None:
        decision = scenario.decision(game.position)
        return f"unfinished (stopped at {when(decision) if decision else game.position})"
    return f"{ending.title} ({ending.style})" if ending.style else ending.title


def version_note(version: str) -> str:
    return (f"These games were played on an earlier version of the scenario (version {version[:12]}); "
            "their choices replay exactly on the current file, which this report uses.")
