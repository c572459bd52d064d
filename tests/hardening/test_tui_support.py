"""Helpers shared by the TUI hardening tests (`test_tui_*.py`); this module holds no tests.

The driving itself (waiting for a screen, reading the terminal) is the TUI
tests' own `Driver` in `tests/tui/conftest.py`; what is here is what the
hardening tests add: the bundled campaign, games prepared through the engine,
keys sent in bursts, and the check that every save a session left behind still
verifies.
"""

from __future__ import annotations

import os
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator
from unittest import mock

from textual import events

from kremlin_sim.engine import Game, Session, find_logs, read_log, replay, scenario_for_log
from kremlin_sim.scenario import CAMPAIGN, bundled_paths, load_file
from kremlin_sim.scenario.model import Scenario
from kremlin_sim.tui.app import KremlinApp

CONTROL = {chr(c) for c in range(32) if c != 10} | {chr(127)} | {chr(c) for c in range(0x80, 0xA0)} \
    | set("\u2028\u2029\u200b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@lru_cache(maxsize=1)
def campaign() -> Scenario:
    result = load_file(bundled_paths()[CAMPAIGN])
    assert result.ok and result.scenario is not None, [d.format() for d in result.diagnostics]
    return result.scenario


def historical_pick(game: Game) -> str:
    """History's choice where it is open to the player, else the first open one."""
    options = [o.choice.id for o in game.options() if o.available]
    decision = game.decision
    wanted = decision.history.path_choice if decision and decision.history else None
    return wanted if wanted in options else options[0]


def saved_game(folder: Path, decisions: int, player: str = "Prepared") -> Session:
    """A campaign game with `decisions` made along history, saved as the TUI would have saved it."""
    session = Session.start(campaign(), folder, player)
    for _ in range(decisions):
        session.choose(historical_pick(session.game))
    return session


def decisions_to_the_end() -> int:
    game = Game(campaign())
    while not game.is_over:
        game.choose(historical_pick(game))
    return len(game.steps)


def assert_saves_verify(folder: Path, app: KremlinApp | None = None) -> int:
    """Every log in the folder reads and replays without a problem, nothing else was left there,
    and the game the app shows (if any) has exactly the decisions its log holds. Returns the count."""
    if not folder.exists():
        return 0
    strays = [p.name for p in folder.iterdir() if p.suffix != ".jsonl"]
    assert not strays, f"files left in the saves folder: {strays}"
    logs = find_logs([str(folder)])
    for path in logs:
        log = read_log(path)
        verdict = replay(log, scenario_for_log(log))
        assert verdict.ok and not log.truncated, (path, verdict.problems, verdict.notes)
    play = app.play if app is not None else None
    if play is not None and play.path is not None:
        log = read_log(play.path)
        assert len(log.steps) == play.decisions_made, "the screen and the save disagree"
        assert log.finished == play.game.is_over
    return len(logs)


def raw_controls(text: str) -> set[str]:
    """Characters that must never reach a terminal raw (line breaks are fine)."""
    return set(text) & CONTROL


def key_event(key: str) -> events.Key:
    """The event a terminal delivers for a key name or one typed character (as Pilot makes it)."""
    if len(key) == 1:
        name = key if key.isalnum() else unicodedata.name(key).lower().replace(" ", "_").replace("-", "_")
        return events.Key(name, key)
    return events.Key(key, {"space": " ", "question_mark": "?"}.get(key))


async def send_burst(app: KremlinApp, pilot, burst: list[tuple]) -> None:
    """Keys ("key", name), typing ("type", text) and pastes ("paste", text) sent at once, as a terminal
    sends what is pressed faster than the app handles it; then wait until the app has handled them."""
    for kind, text in burst:
        if kind == "paste":
            app.post_message(events.Paste(text))
        else:
            for key in ([text] if kind == "key" else list(text)):
                app.post_message(key_event(key))
    await pilot.pause()


@contextmanager
def downloads_in(folder: Path) -> Iterator[None]:
    """Textual's "Screenshot" command (reachable from the command palette) writes to the user's
    Downloads folder; a fuzzer that finds it must write into its own temporary folder instead."""
    folder.mkdir(parents=True, exist_ok=True)
    with mock.patch.dict(os.environ, {"HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
                                      "XDG_DOWNLOAD_DIR": str(folder)}):
        yield
