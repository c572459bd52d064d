"""The teacher's view of a served class: who started, who came back, who finished.

It watches the saves folder, not the server: every game writes its log there
as it goes, so the folder is the truth whether a student is in a browser tab
or at a terminal. A file is read again only when its size or time changes, and
a file that cannot be read (half copied, damaged, not a save log) is reported
once and skipped until it changes. No UI library is imported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..engine import SaveError, SaveLog, find_logs, read_log
from ..scenario.diagnostics import safe_text

Signature = tuple[int, int]           # size and modification time: changed means read again
EndingTitle = Callable[[SaveLog], str]


def ending_id(log: SaveLog) -> str:
    return str((log.end or {}).get("ending", ""))


@dataclass(frozen=True)
class Game:
    player: str
    scenario: str
    decisions: int
    finished: bool
    ending: str                       # the ending's title (or id) once finished

    @classmethod
    def from_log(cls, log: SaveLog, ending_title: EndingTitle) -> "Game":
        scenario = log.header.get("scenario", {})
        title = scenario.get("title") or log.scenario_id
        return cls(safe_text(log.player, 60), safe_text(title, 60), len(log.steps), log.finished,
                   safe_text(ending_title(log), 80) if log.finished else "")


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class SavesMonitor:
    """Call `baseline()` once when serving starts, then `poll()` every few seconds."""

    def __init__(self, folder: Path, ending_title: EndingTitle = ending_id) -> None:
        self.folder = folder
        self.ending_title = ending_title
        self.seen: dict[Path, Signature] = {}
        self.before: set[Path] = set()              # there when serving started
        self.games: dict[Path, Game] = {}           # games played while serving
        self.unreadable: set[Path] = set()

    # -- reading the folder -----------------------------------------------------------------------
    def _signatures(self) -> dict[Path, Signature]:
        found = {}
        for path in find_logs([str(self.folder)]) if self.folder.is_dir() else []:
            try:
                stat = path.stat()
            except OSError:                          # removed between listing and looking
                continue
            found[path] = (stat.st_size, stat.st_mtime_ns)
        return found

    def baseline(self) -> None:
        """What is already in the folder is not news: it is reported only once it changes."""
        self.seen = self._signatures()
        self.before = set(self.seen)

    def poll(self) -> list[str]:
        """One line for each game that started, continued or finished since the last poll."""
        lines: list[str] = []
        current = self._signatures()
        for path in set(self.games) - set(current):
            del self.games[path]                     # the teacher moved or deleted it
        for path, signature in sorted(current.items()):
            if self.seen.get(path) == signature:
                continue
            self.seen[path] = signature
            try:
                log = read_log(path)
            except SaveError as exc:
                if path not in self.unreadable:
                    lines.append(f"cannot read {safe_text(exc, 300)}")
                self.unreadable.add(path)
                continue
            self.unreadable.discard(path)
            if str(log.header.get("settings", {}).get("mode", "play")) != "play":
                continue                             # a teacher's --auto game, not a student
            lines.extend(self._news(path, self.games.get(path), Game.from_log(log, self.ending_title)))
        return lines

    def _news(self, path: Path, old: Game | None, new: Game) -> list[str]:
        self.games[path] = new
        lines = []
        if old is None and path not in self.before:
            lines.append(f"{new.player} started \"{new.scenario}\"")
        elif old is None and not new.finished:
            lines.append(f"{new.player} continued \"{new.scenario}\" after {plural(new.decisions, 'decision')}")
        if new.finished and not (old and old.finished):
            lines.append(f"{new.player} finished \"{new.scenario}\": {new.ending} "
                         f"after {plural(new.decisions, 'decision')}")
        return lines

    # -- counting ---------------------------------------------------------------------------------
    @property
    def playing(self) -> int:
        return sum(not game.finished for game in self.games.values())

    @property
    def finished(self) -> int:
        return sum(game.finished for game in self.games.values())

    def summary(self) -> str:
        return f"{self.playing} playing, {self.finished} finished"
