"""The game the screens show: a saved Session, or an unsaved teacher preview.

Screens ask this object, never the save log or the rules directly, so the
difference between a student's game and a teacher's preview lives here.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import Game, Session, read_log
from ..scenario.frozen import frozen_dataclass
from ..scenario.model import Choice, Decision, Scenario
from .jump import state_for

if TYPE_CHECKING:
    from ..engine import Outcome, PathPoint, Step


@frozen_dataclass
class Turn:
    """One decision as the outcome screen shows it."""

    decision: Decision
    choice: Choice
    outcome: Outcome
    step: Step


class Play:
    def __init__(self, scenario: Scenario, game: Game, session: Session | None = None, *, reveal: str = "each",
                 require_reasons: bool = False, player: str = "") -> None:
        self.scenario = scenario
        self.game = game
        self.session = session
        self.reveal = reveal
        self.require_reasons = require_reasons
        self.player = session.player if session else player
        self.jumped_note = ""

    # -- how a game begins --------------------------------------------------------------------
    @classmethod
    def start(cls, scenario: Scenario, saves: Path, player: str, reveal: str = "each",
              require_reasons: bool = False) -> "Play":
        session = Session.start(scenario, saves, player, reveal=reveal, require_reasons=require_reasons)
        return cls(scenario, session.game, session, reveal=reveal, require_reasons=require_reasons)

    @classmethod
    def resume(cls, path: Path) -> tuple["Play", list[str]]:
        """Raises SaveError (or its ResumeError) with a message for the player."""
        from ..engine import scenario_for_log  # here: it lives with replay, which a new game does not load

        scenario = scenario_for_log(read_log(path))
        session, messages = Session.resume(path, scenario)
        settings = session.settings
        play = cls(scenario, session.game, session, reveal=str(settings.get("reveal", "each")),
                   require_reasons=bool(settings.get("require_reasons", False)))
        return play, messages

    @classmethod
    def preview(cls, scenario: Scenario) -> "Play":
        return cls(scenario, Game(scenario), None, reveal="each", player="preview")

    # -- what the screens ask -----------------------------------------------------------------
    @property
    def is_preview(self) -> bool:
        return self.session is None

    @property
    def path(self) -> Path | None:
        return self.session.path if self.session else None

    @property
    def decisions_made(self) -> int:
        return len(self.game.steps)

    @cached_property
    def history(self) -> list[PathPoint]:
        from ..engine import historical_path  # here: only the ending shows the historical path

        points, _ = historical_path(self.game.rules)
        return points

    def choose(self, choice_id: str, reason: str = "", confidence: int | None = None) -> Turn:
        decision = self.game.decision
        assert decision is not None, "the game is over"
        outcome = self.game.preview(choice_id)
        if self.session is not None:
            step = self.session.choose(choice_id, reason=reason, confidence=confidence)
        else:
            step = self.game.choose(choice_id, reason=reason, confidence=confidence)
        choice = decision.choice(choice_id)
        assert choice is not None
        return Turn(decision, choice, outcome, step)

    def jump(self, node: str) -> str:
        """Preview only: continue from decision point `node`; returns where its meters came from."""
        if not self.is_preview:
            raise RuntimeError("only a preview can jump")
        state, how = state_for(self.game.rules, node)
        self.game = Game(self.scenario, state=state, rules=self.game.rules)
        self.jumped_note = how
        return how

    def player_path(self, meter: str) -> list[int]:
        """The meter's value at the start and after each decision of this game."""
        steps = self.game.steps
        if not steps:
            return [self.game.meters[meter]]
        return [steps[0].meters_before[meter]] + [step.meters_after[meter] for step in steps]

    def history_path(self, meter: str) -> list[int]:
        points = self.history
        if not points:
            return [self.scenario.meter_by_id[meter].start]
        return [points[0].meters_before[meter]] + [point.meters_after[meter] for point in points]
