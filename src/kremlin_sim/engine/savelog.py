"""The save log: an append-only JSON Lines file, the resume point and the debrief record.

Crash safety by construction: the file comes into existence complete with its
header (written aside, then hard-linked into place, which also refuses to
overwrite another game), and every later line is appended and fsynced. A
kill can only ever tear the last line, which reading detects and drops.
See docs/save-format.md.
"""

from __future__ import annotations

import errno
import fnmatch
import json
import os
import re
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from .game import Step
from .names import save_name, utc_now

FORMAT = 1
MAX_LOG_BYTES = 8 * 1024 * 1024


class SaveError(Exception):
    """A save log that cannot be written or read; the message is for the user."""


@dataclass
class SaveLog:
    path: str
    header: dict[str, Any]
    steps: list[dict[str, Any]] = field(default_factory=list)
    end: dict[str, Any] | None = None
    truncated: bool = False        # a torn last line was found and dropped
    good_bytes: int = 0            # length of the file up to the last complete line

    @property
    def player(self) -> str:
        return str(self.header.get("player", ""))

    @property
    def scenario_id(self) -> str:
        return str(self.header.get("scenario", {}).get("id", ""))

    @property
    def finished(self) -> bool:
        return self.end is not None


def saves_dir(option: str | None = None) -> Path:
    return Path(option or os.environ.get("KREMLIN_SIM_SAVES") or "saves")


def _line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def make_header(scenario: Any, player: str, settings: dict[str, Any], seed: int | None) -> dict[str, Any]:
    return {
        "type": "header", "format": FORMAT, "program": f"kremlin-sim {__version__}",
        "scenario": {"id": scenario.id, "hash": scenario.content_hash, "title": scenario.title,
                     "source": os.path.abspath(scenario.path) if scenario.path else ""},
        "player": player, "settings": settings, "seed": seed, "started": utc_now(),
    }


def step_record(number: int, step: Step) -> dict[str, Any]:
    record = {"type": "step", "n": number, **asdict(step), "at": utc_now()}
    return record


class LogWriter:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def create(cls, folder: Path, header: dict[str, Any]) -> "LogWriter":
        if folder.exists() and not folder.is_dir():
            raise SaveError(f"the saves folder {folder} is a file, not a folder; name a folder with --saves")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise SaveError(f"cannot create the saves folder {folder}: part of that path is a file, not a folder") from None
        except OSError as exc:
            raise SaveError(f"cannot create the saves folder {folder}: {exc.strerror or exc}") from None
        if not folder.is_dir():
            raise SaveError(f"the saves folder {folder} is not a folder")
        data = _line(header)
        for _ in range(20):
            final = folder / save_name(header["scenario"]["id"], header["player"])
            temp = final.with_suffix(".tmp")
            try:
                _write_synced(temp, data)
                try:
                    os.link(temp, final)  # atomic, and refuses to replace an existing game
                finally:
                    temp.unlink(missing_ok=True)
            except FileExistsError:
                continue
            except OSError as exc:
                raise SaveError(f"cannot write a save in {folder}: {exc.strerror or exc}") from None
            _sync_dir(folder)
            return cls(final)
        raise SaveError(f"could not find a free save file name in {folder}")

    def append(self, record: dict[str, Any]) -> None:
        """Append one line, all or nothing: when the disk is full half a line must not stay
        behind, or the next line would follow it and the log could no longer be read."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
            try:
                size = os.fstat(fd).st_size
                try:
                    _write_all(fd, _line(record))
                    os.fsync(fd)
                except OSError:
                    _cut_back(fd, size)
                    raise
            finally:
                os.close(fd)
        except OSError as exc:
            raise SaveError(f"could not save to {self.path}: {exc.strerror or exc}") from None

    def drop_torn_tail(self, good_bytes: int) -> None:
        """Before appending to a log whose last line was torn by a crash, cut the torn part off."""
        try:
            with open(self.path, "r+b") as handle:
                handle.truncate(good_bytes)
                os.fsync(handle.fileno())
        except OSError as exc:
            raise SaveError(f"could not repair {self.path}: {exc.strerror or exc}") from None


def _write_all(fd: int, data: bytes) -> None:
    """os.write may write only part (a filling disk); the rest is written or an OSError raised."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "the save could not be written")
        view = view[written:]


def _cut_back(fd: int, size: int) -> None:
    try:
        os.ftruncate(fd, size)
        os.fsync(fd)
    except OSError:
        pass  # the error being raised already says what went wrong; a torn last line is still readable


def _write_synced(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        path.unlink(missing_ok=True)  # ours (O_EXCL): leave no half-written file behind
        raise


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the file itself is already synced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_log(path: str | os.PathLike[str]) -> SaveLog:
    """Read a save log; raise SaveError with one clear sentence when it is not one."""
    shown = str(path)
    try:
        raw = _read_capped(path)
    except FileNotFoundError:
        raise SaveError(f"{shown}: no such file") from None
    except OSError as exc:
        if isinstance(exc, IsADirectoryError) or os.path.isdir(path):  # Windows refuses to open a folder instead
            raise SaveError(f"{shown}: this is a folder, not a save log") from None
        raise SaveError(f"{shown}: cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > MAX_LOG_BYTES:
        raise SaveError(f"{shown}: too large to be a save log")
    end = raw.rfind(b"\n") + 1
    torn = raw[end:]  # after the last newline: empty unless the last write was cut short
    records = _whole_records(raw, end)
    if records is not None:
        log = SaveLog(shown, {}, truncated=bool(torn.strip()), good_bytes=end)
    else:
        log, records = _records_line_by_line(shown, raw[:end].split(b"\n")[:-1], torn)
    if not records:
        raise SaveError(f"{shown}: not a kremlin-sim save log (empty or damaged header)")
    header = records[0]
    if header.get("type") != "header" or not isinstance(header.get("scenario"), dict):
        raise SaveError(f"{shown}: not a kremlin-sim save log")
    if header.get("format") != FORMAT:
        raise SaveError(f"{shown}: save format {header.get('format')!r} is not supported by this version (it reads format {FORMAT})")
    if not isinstance(header.get("settings", {}), dict):
        raise SaveError(f"{shown}:1: the header's settings are damaged (edited?)")
    log.header = header
    for number, record in enumerate(records[1:], 2):
        kind = record.get("type")
        if log.end is not None:
            raise SaveError(f"{shown}:{number}: a record after the end of the game")
        if kind == "step":
            if record.get("n") != len(log.steps) + 1:
                raise SaveError(f"{shown}:{number}: steps are out of order or repeated")
            log.steps.append(record)
        elif kind == "end":
            log.end = record
        else:
            raise SaveError(f"{shown}:{number}: unknown record type {str(kind)[:20]!r}")
    return log


def _read_capped(path: str | os.PathLike[str]) -> bytes:
    """At most MAX_LOG_BYTES + 1 bytes of the file, as `open(path, "rb").read(MAX_LOG_BYTES + 1)` gives them,
    in four system calls and no file object: open, the status (a folder, the size), one read of the size plus
    one byte, and one more that finds the end. A class report reads hundreds of logs, and the file object's
    own status and buffers, a `stat` for "is it a folder" and an 8 MiB buffer per file cost more than reading
    them. It reads on, up to the cap, when the file has grown since (a game still being played) or is not a
    regular file (a pipe says size 0)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        limit = MAX_LOG_BYTES + 1
        wanted = min(status.st_size, MAX_LOG_BYTES) + 1
        chunks, size = [], 0
        while size < limit:
            chunk = os.read(fd, wanted - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size == wanted:
                wanted = limit
        return b"".join(chunks)
    finally:
        os.close(fd)


# The decoder `json.loads` uses (default settings); its scanner parses one value at a given position.
_scan = json.JSONDecoder().scan_once
# Put between a log's lines to parse them in one go: a string no file can hold (it is drawn afresh by each
# process), so finding every one of them at the top level, between single records, proves that each line
# was read on its own, exactly as json.loads(line) reads it.
_SEPARATOR = f"kremlin-sim line break {os.urandom(16).hex()}"  # not secrets: it loads OpenSSL (see names.py)
_BETWEEN_LINES = f',"{_SEPARATOR}",'


def _whole_records(raw: bytes, end: int) -> list[dict[str, Any]] | None:
    """The records of the complete lines (raw[:end]) when every one is a JSON object exactly as json.loads
    reads it, else None, for `_records_line_by_line` to find and name the problem.

    The header line is parsed apart from the steps: it holds the scenario's title, often beyond ASCII (a dash),
    and together with it the whole log would be decoded to two bytes a character, which the parser reads and
    makes its strings from more slowly than ASCII."""
    first = raw.find(b"\n", 0, end) + 1
    header, steps = _records_of(raw[:first]), _records_of(raw[first:end])
    return None if header is None or steps is None else header + steps


def _records_of(lines: bytes) -> list[dict[str, Any]] | None:
    """The records of complete lines, parsed as one JSON array instead of one line at a time: the parser then
    makes each key once, not once per line, which makes reading a class of logs about 40% quicker than
    json.loads line by line. Any line that is not one object on its own (two values, a value cut across
    lines, an empty line, a byte-order mark...) breaks the array's pattern of record, separator, record."""
    try:
        text = lines.decode("utf-8")
    except UnicodeDecodeError:
        return None
    count = text.count("\n")
    if not count:
        return []
    joined = "[" + text[:-1].replace("\n", _BETWEEN_LINES) + "]"
    try:
        values, stop = _scan(joined, 0)
    except (StopIteration, ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        return None
    records = values[::2]
    if (stop != len(joined) or len(values) != 2 * count - 1
            or any(type(record) is not dict for record in records)
            or any(separator != _SEPARATOR for separator in values[1::2])):
        return None
    return records


def _records_line_by_line(shown: str, lines: list[bytes], torn: bytes) -> tuple[SaveLog, list[dict[str, Any]]]:
    """Each complete line parsed on its own: a damaged line is named, and a last complete line that does not
    parse is treated like a torn one (its write never finished)."""
    records, offset = [], 0
    for number, line in enumerate(lines, 1):
        try:
            record = json.loads(line.decode("utf-8"))
            if not isinstance(record, dict):
                raise ValueError
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: arrays nested thousands deep
            if number == len(lines) and not torn:
                torn = line  # a last line that never finished: treat like a torn one
                break
            raise SaveError(f"{shown}:{number}: line {number} is not a save log record (edited or damaged)") from None
        records.append(record)
        offset += len(line) + 1
    return SaveLog(shown, {}, truncated=bool(torn.strip()), good_bytes=offset), records


def find_logs(paths: list[str]) -> list[Path]:
    """Save logs named directly or found (not recursively) in the folders named."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if os.path.isdir(path):  # False, not OSError, for a name the OS refuses
            found.extend(log for log, _ in log_entries(path))
        else:
            found.append(path)
    return found


# pathlib's own test for "*.jsonl": case-insensitive where its paths are (Windows), and hidden files match.
_IS_LOG = re.compile(fnmatch.translate("*.jsonl"), re.IGNORECASE if os.name == "nt" else 0).fullmatch


def log_entries(folder: Path) -> list[tuple[Path, os.DirEntry[str]]]:
    """The logs directly in a folder, as `sorted(folder.glob("*.jsonl"))` finds and orders them, each with its
    directory entry (which knows, without another system call, whether it is a symbolic link).

    One listing and a sort by name: glob's own machinery and sorting Path objects cost about 6 ms a
    class of 1,000 logs, more than reading the folder. Names in one folder compare as Paths do: exactly,
    or case-folded on Windows."""
    try:
        with os.scandir(folder) as listing:
            entries = [entry for entry in listing if _IS_LOG(entry.name)]
    except PermissionError:  # as glob: an unreadable folder holds no logs
        return []
    entries.sort(key=lambda entry: os.path.normcase(entry.name))
    return [(folder / entry.name, entry) for entry in entries]
