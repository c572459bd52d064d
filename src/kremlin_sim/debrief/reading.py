"""From paths on the command line to verified game records, grouped by scenario version.

Every path ends up either as a game or as an `Excluded` entry with a reason:
nothing is dropped silently.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..engine import Rules, SaveError, SaveLog, historical_path, read_log, scenario_for_log
from ..engine.savelog import log_entries
from ..engine.names import clean_player
from ..scenario.model import Scenario
from .aggregate import summarise
from .model import ClassRecord, Excluded, GameRecord, Group, StepRecord
from .verify import Result, Verifier


@dataclass(frozen=True)
class Checked:
    """A log that passed verification, before names are settled."""

    log: SaveLog
    scenario: Scenario
    result: Result
    notes: tuple[str, ...]


def discover(paths: list[str]) -> tuple[list[str], list[Excluded]]:
    """The save logs the paths name (each once), and the paths that name none."""
    files: list[str] = []
    missing: list[Excluded] = []
    seen: set[str] = set()
    folders: dict[str, str] = {}
    for name in paths:
        path = Path(name)
        if os.path.isdir(name):  # os.path answers False, not an error, for a name too long for the system
            found = [(str(log), _is_link(entry)) for log, entry in log_entries(path)]
            if not found:
                missing.append(Excluded(name, "no save logs (*.jsonl) in this folder"))
        elif os.path.exists(name):
            found = [(str(path), None)]
        else:
            missing.append(Excluded(name, "no such file or folder"))
            found = []
        for log_path, link in found:
            key = _real_path(log_path, link, folders)
            if key not in seen:
                seen.add(key)
                files.append(log_path)
    return files, missing


def _is_link(entry: os.DirEntry[str]) -> bool | None:
    try:
        return entry.is_symlink()
    except OSError:
        return None


def _real_path(path: str, link: bool | None, folders: dict[str, str]) -> str:
    """`os.path.realpath`, resolving each folder once: a class folder holds hundreds of logs, and only a
    symbolic link among them needs the full walk. `link`: whether it is one, when the folder's listing
    said so (None: ask the system)."""
    folder, name = os.path.split(path)
    try:
        if link is None:
            link = stat.S_ISLNK(os.lstat(path).st_mode)
        if name in ("", ".", "..") or link:
            return os.path.realpath(path)
    except OSError:
        return os.path.realpath(path)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    return os.path.join(folders[folder], name)


SURROGATES = re.compile("[\ud800-\udfff]")


def shown(text: str) -> str:
    """Text as a report can write it. A lone surrogate (a JSON escape such as \\ud800 in an edited log, or a file
    name that is not UTF-8) cannot be encoded, and writing the report would fail: it is shown as U+FFFD."""
    return text if text.isascii() else SURROGATES.sub("\ufffd", text)


def without_path(message: str, path: str) -> str:
    """Engine messages start with the file's path; the report names the file in its own column."""
    if not message.startswith(path):
        return message
    rest = message[len(path):]
    line = re.match(r":(\d+): ", rest)
    if line:
        return f"line {line.group(1)}: {rest[line.end():]}"
    return rest.removeprefix(": ").removeprefix(":")


class ScenarioCache:
    """Each scenario file is loaded once, not once per log.

    A version already loaded whose content hash is the one a log records is
    exactly what that game was played on, whichever path the log names.
    """

    def __init__(self, explicit: str | None) -> None:
        self.explicit = explicit
        self._by_version: dict[tuple[str, str], Scenario] = {}
        self._by_source: dict[tuple[str, str], Scenario | str] = {}

    def get(self, log: SaveLog) -> Scenario | str:
        """The scenario, or the reason it cannot be found."""
        named = log.header["scenario"]
        version = (log.scenario_id, str(named.get("hash")))
        if version in self._by_version:
            return self._by_version[version]
        source = (log.scenario_id, str(named.get("source")))
        if source not in self._by_source:
            try:
                scenario: Scenario | str = scenario_for_log(log, self.explicit)
            except SaveError as exc:
                scenario = without_path(str(exc), log.path)
            self._by_source[source] = scenario
            if isinstance(scenario, Scenario):
                self._by_version[(scenario.id, scenario.content_hash)] = scenario
        return self._by_source[source]


class Reader:
    def __init__(self, explicit: str | None) -> None:
        self.scenarios = ScenarioCache(explicit)
        self._verifiers: dict[int, Verifier] = {}

    def read(self, path: str) -> tuple[SaveLog, Scenario] | Excluded:
        """The log and the scenario it was played on."""
        try:
            log = read_log(path)
        except SaveError as exc:
            return Excluded(path, without_path(str(exc), path))
        if not isinstance(log.header.get("scenario"), dict):
            return Excluded(path, "the header is damaged: it names no scenario")
        scenario = self.scenarios.get(log)
        if isinstance(scenario, str):
            return Excluded(path, scenario)
        return log, scenario

    def check(self, log: SaveLog, scenario: Scenario) -> Checked | Excluded:
        """The log verified against its scenario, with notes on recovered damage or an earlier version."""
        path = log.path
        verifier = self._verifiers.get(id(scenario))
        if verifier is None:  # one per scenario, built once: its outcomes are shared between logs
            verifier = self._verifiers[id(scenario)] = Verifier(scenario)
        result = verifier.check(log)
        changed = log.header["scenario"].get("hash") != scenario.content_hash
        if result.problems:
            return Excluded(path, _failure(result.problems, scenario if changed else None))
        notes = []
        if log.truncated:
            notes.append("the last line was cut off (the game was interrupted while saving) and was left out")
        if changed:
            notes.append("played on an earlier version of the scenario; every choice replays exactly on the current file, "
                         "which this report uses")
        return Checked(log, scenario, result, tuple(notes))


def _failure(problems: tuple[str, ...], changed: Scenario | None) -> str:
    reason = problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
    if changed is not None:
        return (f'the scenario "{changed.id}" has changed since this game was played, and the game '
                f"does not replay on the current file: {reason}")
    return reason


def collect(paths: list[str], explicit: str | None = None, anonymise: bool = False) -> ClassRecord:
    """Read, verify, name and group every log the paths name."""
    files, excluded = discover(paths)
    reader = Reader(explicit)
    checked: list[Checked] = []
    # All reading first, then all checking: done in turns per log, the two were measurably slower (about
    # 40 ms more for 1,000 logs, likely as each pushes the other's data out of the caches). Order is kept.
    logs = [reader.read(path) for path in files]
    for outcome in [item if isinstance(item, Excluded) else reader.check(*item) for item in logs]:
        if isinstance(outcome, Excluded):
            excluded.append(outcome)
        else:
            checked.append(outcome)
    checked.sort(key=lambda c: (_started(c.log), c.log.path))
    names = _display_names(checked, anonymise)
    if not anonymise:
        checked.sort(key=lambda c: (names[id(c)].casefold(), _started(c.log), c.log.path))
    groups: dict[tuple[str, str], Group] = {}
    for item in checked:
        record = _game_record(item, names[id(item)])
        key = (record.scenario_id, record.version)
        if key not in groups:
            groups[key] = _new_group(item.scenario, record.version)
        groups[key].games.append(record)
    ordered = sorted(groups.values(), key=lambda g: (g.scenario.title, g.scenario.id, not g.current, g.version))
    for group in ordered:
        summarise(group)
    excluded = [Excluded(shown(item.path), shown(item.reason)) for item in excluded]
    return ClassRecord("student" if len(files) == 1 else "class", ordered, excluded, anonymise)


def _started(log: SaveLog) -> str:
    return str(log.header.get("started") or "")


def _display_names(checked: list[Checked], anonymise: bool) -> dict[int, str]:
    """Real names, or "Student N" numbered in start order; the same name always gets the same number."""
    real = {id(c): clean_player(str(c.log.header.get("player", ""))) for c in checked}
    if not anonymise:
        return real
    numbers: dict[str, int] = {}
    for item in checked:
        numbers.setdefault(real[id(item)], len(numbers) + 1)
    return {key: f"Student {numbers[name]}" for key, name in real.items()}


def _new_group(scenario: Scenario, version: str) -> Group:
    history, _ = historical_path(Rules(scenario))
    tension = "tension" if "tension" in scenario.meter_by_id else scenario.meters[0].id
    return Group(scenario, version, history, tension)


def _game_record(item: Checked, player: str) -> GameRecord:
    log, state = item.log, item.result.state
    ending = state.node if item.scenario.ending(state.node) else None
    return GameRecord(
        path=shown(log.path), player=player, started=shown(_started(log)), scenario_id=item.scenario.id,
        version=shown(str(log.header["scenario"].get("hash"))),
        steps=tuple([_step_record(record) for record in log.steps]),
        position=state.node, ending=ending, notes=item.notes,
    )


# The fields of a step record that verification vouched for, in StepRecord's order.
VERIFIED = itemgetter("n", "node", "choice", "historical_choice", "matches_history", "meters_before", "meters_after")


# A named tuple's constructor is a Python function of all its fields; made straight from the values, a step
# record costs a third less, and a class report makes one per decision of every game.
_new_step = tuple.__new__


def _step_record(record: dict[str, Any]) -> StepRecord:
    reason, confidence = record.get("reason"), record.get("confidence")
    return _new_step(StepRecord, (*VERIFIED(record), reason if type(reason) is str and reason.isascii() else _text(reason),
                                  confidence if type(confidence) is int else None))  # not a bool, nor any other value


def _text(value: Any) -> str:
    """A reason as text whatever an edited log holds there (replay does not check reasons)."""
    if value is None:
        return ""
    return shown(value) if isinstance(value, str) else repr(value)
