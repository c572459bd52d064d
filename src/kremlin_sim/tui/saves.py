"""The unfinished games in a saves folder, as the title screen lists them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..engine import SaveError, find_logs, read_log


@dataclass(frozen=True)
class SavedGame:
    path: Path
    player: str
    scenario: str
    decisions: int
    date: str          # of the last decision (or of the start), "YYYY-MM-DD HH:MM" UTC


def _short_date(stamp: object) -> str:
    text = str(stamp or "")
    return text[:16].replace("T", " ")


def unfinished_games(folder: Path) -> list[SavedGame]:
    """Games that can be continued, newest first; unreadable files are left out
    (`kremlin-sim verify` is the place to hear about them)."""
    if not folder.is_dir():
        return []
    games = []
    for path in find_logs([str(folder)]):
        try:
            log = read_log(path)
        except (SaveError, OSError):
            continue
        if log.finished or str(log.header.get("settings", {}).get("mode", "play")) != "play":
            continue
        scenario = log.header.get("scenario", {})
        title = scenario.get("title") or log.scenario_id
        last = log.steps[-1].get("at") if log.steps else log.header.get("started")
        games.append(SavedGame(path, log.player, str(title), len(log.steps), _short_date(last)))
    return sorted(games, key=lambda game: (game.date, str(game.path)), reverse=True)
