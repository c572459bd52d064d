"""How long one game takes a class, estimated from the words on the historical path.

Students of 14-18 reading on screen manage about 150 words a minute (slower
than adult reading of print); each decision adds about 20 seconds of thought.
Counted per decision point on the path: title, briefing, advisers' positions,
every choice's label and text, the chosen choice's effect reasons, and the
history shown afterwards (what happened, consequences); then the ending.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..scenario.model import Scenario
from .plays import Playthrough

WORDS_PER_MINUTE = 150
THINKING_SECONDS = 20


@dataclass(frozen=True)
class PlayingTime:
    words: int
    decisions: int

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.decisions * THINKING_SECONDS / 60


def words(*texts: str) -> int:
    return sum(len(text.split()) for text in texts)


def playing_time(scenario: Scenario, game: Playthrough) -> PlayingTime:
    total = 0
    for node, choice_id in zip(game.nodes, game.choices):
        decision = scenario.decision(node)
        if decision is None:
            continue
        total += words(decision.title, decision.briefing, *(a.position for a in decision.advisers))
        total += sum(words(c.label, c.text) for c in decision.choices)
        chosen = decision.choice(choice_id)
        if chosen is not None:
            total += words(*(e.why for e in chosen.effects))
        if decision.history is not None:
            total += words(decision.history.what_happened, decision.history.consequences)
    ending = scenario.ending(game.final.node)
    if ending is not None:
        total += words(ending.title, ending.text)
    return PlayingTime(total, len(game.choices))
