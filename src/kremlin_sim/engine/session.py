"""A game being played and saved: the Game plus its save log, for the TUI, `play --auto` and serve."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

from ..scenario.model import Scenario
from .game import Clock, Game, Step
from .names import clean_player, utc_now
from .savelog import LogWriter, SaveError, make_header, read_log, step_record

REVEAL_MODES = ("each", "end", "never")


class ResumeError(SaveError):
    """A game that cannot be continued; the message says why and what to do."""


class Session:
    def __init__(self, game: Game, writer: LogWriter, header: dict[str, Any]) -> None:
        self.game = game
        self.writer = writer
        self.header = header
        self.clock = Clock()

    @property
    def path(self) -> Path:
        return self.writer.path

    @property
    def player(self) -> str:
        return str(self.header["player"])

    @property
    def settings(self) -> dict[str, Any]:
        return dict(self.header.get("settings", {}))

    @classmethod
    def start(cls, scenario: Scenario, folder: str | os.PathLike[str], player: str, reveal: str = "each",
              require_reasons: bool = False, mode: str = "play", seed: int | None = None) -> "Session":
        settings = {"reveal": reveal, "require_reasons": require_reasons, "mode": mode}
        header = make_header(scenario, clean_player(player), settings, seed)
        writer = LogWriter.create(Path(folder), header)
        return cls(Game(scenario), writer, header)

    @classmethod
    def resume(cls, path: str | os.PathLike[str], scenario: Scenario) -> tuple["Session", list[str]]:
        """Continue a game from its log. Returns the session and messages for the player.

        When the scenario changed since the game began, the game continues only
        if every recorded decision still exists and still leads the same way.
        """
        from .replaying import replay  # here: only resuming replays; a new game starts without loading it

        log = read_log(path)
        if log.finished:
            raise ResumeError(f"{log.path}: this game is already finished; start a new one or make a report with kremlin-sim debrief")
        if log.scenario_id != scenario.id:  # the hash check below would only call it "edited"
            raise ResumeError(f'{log.path}: this is a game of "{log.scenario_id}", not of "{scenario.id}"')
        verdict = replay(log, scenario, strict=False)
        messages = list(verdict.notes)
        changed = log.header.get("scenario", {}).get("hash") != scenario.content_hash
        blocking = [p for p in verdict.problems if "has changed" not in p]
        if blocking:
            reason = blocking[0]
            if changed:
                raise ResumeError(f"{log.path}: the scenario has changed since this game began and the game cannot continue ({reason})")
            raise ResumeError(f"{log.path}: cannot continue this game ({reason})")
        if changed:
            messages.append("The scenario has been edited since this game began; your decisions still exist, so the game continues with the new version.")
        writer = LogWriter(Path(log.path))
        if log.truncated:
            writer.drop_torn_tail(log.good_bytes)
        assert verdict.game is not None
        session = cls(verdict.game, writer, log.header)
        if session.game.is_over:  # killed after the last decision was saved but before the end line
            session._write_end()
        return session, messages

    def choose(self, choice_id: str, reason: str = "", confidence: int | None = None) -> Step:
        """Make the choice and save it before returning: a crash after this loses nothing."""
        before, made = self.game.state, len(self.game.steps)
        step = self.game.choose(choice_id, reason=reason.strip()[:2000], confidence=confidence, seconds=self.clock.lap())
        try:
            self.writer.append(step_record(len(self.game.steps), step))
        except SaveError:
            self.game.rewind(before, made)  # the log is the record: a decision it lacks was not made
            raise
        if self.game.is_over:
            self._write_end()
        return step

    def _write_end(self) -> None:
        ending = self.game.ending
        self.writer.append({"type": "end", "ending": self.game.state.node,
                            "style": ending.style if ending else None, "at": utc_now()})


def autoplay(session: Session, strategy: str, seed: int | None = None) -> None:
    """Play to the end: `history` takes the historical choice where it is available, else the first
    available; `random` picks uniformly among available choices with a seeded generator."""
    chooser = random.Random(seed)
    limit = 10_000
    while not session.game.is_over and limit:
        limit -= 1
        options = [o.choice.id for o in session.game.options() if o.available]
        if not options:
            raise SaveError(f'no choice is available at "{session.game.state.node}": the scenario has a dead end')
        if strategy == "history":
            decision = session.game.decision
            wanted = decision.history.path_choice if decision and decision.history else None
            pick = wanted if wanted in options else options[0]
        else:
            pick = chooser.choice(options)
        session.choose(pick)

