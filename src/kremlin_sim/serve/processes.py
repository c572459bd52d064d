"""The server's game processes, read from /proc (Linux): how many, and the memory they hold.

Used to stop the games the server started when it shuts down, and by the
memory measurement (bench/serve_memory.py) and the tests. Where /proc does not
exist every answer is empty, never an error.
"""

from __future__ import annotations

from pathlib import Path

PROC = Path("/proc")


def _parent(pid: int) -> int | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces or parentheses: the fields after it are fixed.
    fields = stat[stat.rfind(")") + 2:].split()
    return int(fields[1]) if len(fields) > 1 else None


def _running() -> list[int]:
    try:
        return [int(entry.name) for entry in PROC.iterdir() if entry.name.isdigit()]
    except OSError:
        return []


def children(pid: int) -> list[int]:
    return [child for child in _running() if _parent(child) == pid]


def descendants(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for process in _running():
        parent = _parent(process)
        if parent is not None:
            parents.setdefault(parent, []).append(process)
    found, waiting = [], [pid]
    while waiting:
        for child in parents.get(waiting.pop(), []):
            found.append(child)
            waiting.append(child)
    return found


def command_line(pid: int) -> list[str]:
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]


def _kib_field(pid: int, filename: str, field: str) -> int:
    try:
        for line in (PROC / str(pid) / filename).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def rss_bytes(pid: int) -> int:
    """Resident memory of one process; 0 once it has gone."""
    return _kib_field(pid, "status", "VmRSS:")


def pss_bytes(pid: int) -> int:
    """Resident memory with each shared page divided among the processes that share it."""
    return _kib_field(pid, "smaps_rollup", "Pss:")


def tree_rss_bytes(pid: int) -> int:
    """The server and every process under it. Shared pages count once per process,
    so this is an upper bound on what the machine gives up (PSS is the fair share)."""
    return sum(rss_bytes(process) for process in [pid, *descendants(pid)])


def tree_pss_bytes(pid: int) -> int:
    return sum(pss_bytes(process) for process in [pid, *descendants(pid)])


def is_game(pid: int) -> bool:
    line = command_line(pid)
    return "kremlin_sim" in line and "play" in line
