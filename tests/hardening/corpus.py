"""The bad-input corpus: cases run through the real command line, and the checks every case must pass.

A case prepares its own folder (a scenario with a mistake, a damaged save
log...), names the arguments after `kremlin-sim`, and states the exit code
and the message fragment the user must see. Every case is also checked for
what must never happen: a traceback, a hang, a raw control character on the
terminal, or a file changed, lost or created that the command had no
business touching.

The commands run concurrently (each starts a Python interpreter, which is
most of their cost); see `run_cases`.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from kremlin_sim.engine import Session
from kremlin_sim.scenario import load_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCENARIO = FIXTURES / "porkkala.yaml"

# What may never reach a terminal raw: C0 controls but newline, DEL, C1 controls, line separators
# and the bidirectional overrides that reorder what a line appears to say.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
MAX_LINE = 6000          # a message may quote a long path, never a megabyte of the input
DEFAULT_TIMEOUT = 60.0   # a hang guard, not a speed requirement


# -- the files a case works on ----------------------------------------------------------------

class Shared:
    """Inputs built once per test session and copied into the cases that need them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = SCENARIO.read_text(encoding="utf-8")
        self.scenario_path = folder / "porkkala.yaml"
        self.scenario_path.write_text(self.template, encoding="utf-8")
        self._logs: dict[str, bytes] = {}
        self._big: dict[str, Path] = {}

    def log(self, kind: str = "finished") -> bytes:
        """A real save log of the shared scenario: `finished` (2 decisions) or `unfinished` (1)."""
        if kind not in self._logs:
            self._logs[kind] = play_game(self.scenario_path, self.folder / f"saves-{kind}",
                                         decisions=2 if kind == "finished" else 1).read_bytes()
        return self._logs[kind]

    def big(self, name: str, build: Callable[[Path], None]) -> Path:
        """A large file, written once however many cases read it."""
        if name not in self._big:
            path = self.folder / name
            build(path)
            self._big[name] = path
        return self._big[name]


REASONS = ("Мир важнее: peace first ✓", "Keep calm — no 🚀 today")


def play_game(scenario_path: Path, folder: Path, decisions: int = 2) -> Path:
    """Play the historical choices with multi-byte reasons, so cuts can land inside a character."""
    scenario = load_file(scenario_path).scenario
    assert scenario is not None, scenario_path
    session = Session.start(scenario, folder, "Анна Андреевна", reveal="end")
    for reason in REASONS[:decisions]:
        decision = session.game.decision
        assert decision is not None and decision.history is not None
        session.choose(decision.history.path_choice, reason=reason, confidence=3)
    return session.path


class Workspace:
    """A case's own folder, and helpers to put realistic bad inputs in it."""

    def __init__(self, folder: Path, shared: Shared) -> None:
        self.folder = folder
        self.shared = shared
        self.env: dict[str, str] = {}

    def write(self, name: str, content: str | bytes) -> str:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return name

    def scenario(self, *edits: tuple[str, str], name: str = "s.yaml", text: str | None = None) -> str:
        """The template with each `old` replaced by `new`; each `old` must occur exactly once."""
        return self.write(name, edit(self.shared.template if text is None else text, *edits))

    def log(self, name: str = "game.jsonl", kind: str = "finished") -> str:
        return self.write(name, self.shared.log(kind))

    def records(self, kind: str = "finished") -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.shared.log(kind).decode("utf-8").splitlines()]

    def write_records(self, name: str, records: list[dict[str, Any] | str]) -> str:
        lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
        return self.write(name, "\n".join(lines) + "\n")


def edit(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, f"the fixture should contain {old!r} exactly once"
        text = text.replace(old, new)
    return text


# -- cases and their results ------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    id: str
    setup: Callable[[Workspace], list[str]]   # prepares the folder, returns the arguments after `kremlin-sim`
    code: int                                  # the exit code
    message: str                               # a fragment the user must see
    stream: str = "stderr"                     # where the fragments appear: stderr, stdout or both
    timeout: float = DEFAULT_TIMEOUT
    creates: tuple[str, ...] = ()              # glob patterns of files the command may create
    lines: int | None = None                   # the exact number of stderr lines, where that is the point
    also: tuple[str, ...] = ()                 # further fragments expected in the same stream
    absent: tuple[str, ...] = ()               # fragments that must not appear in either stream

    def __str__(self) -> str:
        return self.id


@dataclass
class Result:
    returncode: int | None                     # None: still running at the timeout (killed)
    stdout: str
    stderr: str
    seconds: float
    before: dict[str, bytes] = field(default_factory=dict)
    after: dict[str, bytes] = field(default_factory=dict)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cases(cases: list[Case], root: Path, shared: Shared, workers: int = 4) -> dict[str, Result]:
    """Prepare every case's folder (here, in order), then run the commands side by side."""
    prepared = []
    for case in cases:
        folder = root / case.id
        folder.mkdir(parents=True)
        workspace = Workspace(folder, shared)
        args = case.setup(workspace)
        prepared.append((case, folder, args, workspace.env, snapshot(folder)))

    def run(item) -> tuple[str, Result]:
        case, folder, args, env, before = item
        started = time.monotonic()
        environment = {**os.environ, "KREMLIN_SIM_SAVES": str(folder / "saves"), **env}
        try:
            done = subprocess.run([sys.executable, "-m", "kremlin_sim", *args], cwd=folder, env=environment,
                                  capture_output=True, timeout=case.timeout)
            code, out, err = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired as exc:
            code, out, err = None, exc.stdout or b"", exc.stderr or b""
        result = Result(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                        time.monotonic() - started, before, snapshot(folder))
        return case.id, result

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(pool.map(run, prepared))


def check(case: Case, result: Result) -> None:
    """Everything a bad input must and must not do."""
    assert result.returncode is not None, f"hang: no answer within {case.timeout} s"
    shown = f"exit {result.returncode}\n--- stderr\n{result.stderr[:3000]}\n--- stdout\n{result.stdout[:1000]}"
    for stream in (result.stderr, result.stdout):
        assert "Traceback" not in stream, shown
    assert result.returncode == case.code, shown
    seen = result.stderr + result.stdout if case.stream == "both" else getattr(result, case.stream)
    for fragment in (case.message, *case.also):
        assert fragment in seen, f"expected {fragment!r} on {case.stream}\n{shown}"
    for fragment in case.absent:
        assert fragment not in result.stderr + result.stdout, f"{fragment!r} must not appear\n{shown}"
    for name, stream in (("stderr", result.stderr), ("stdout", result.stdout)):
        for line in stream.split("\n"):  # not splitlines(): it would swallow \x0b, \x1c, \x85, \u2028 as line ends
            raw = RAW_CONTROL.search(line)
            assert raw is None, f"raw {raw.group()!r} on {name}: {line[:300]!r}"
    for line in result.stderr.split("\n"):
        assert len(line) <= MAX_LINE, f"a {len(line)}-character line on stderr: {line[:200]!r}…"
    if case.lines is not None:
        assert len(result.stderr.splitlines()) == case.lines, shown
    check_files(case, result)


def check_files(case: Case, result: Result) -> None:
    """No file changed or lost, and none created but those the case expects (a new save, a report)."""
    for name, content in result.before.items():
        assert name in result.after, f"{name} was deleted"
        assert result.after[name] == content, f"{name} was changed"
    for name in set(result.after) - set(result.before):
        assert any(fnmatch.fnmatch(name, pattern) for pattern in case.creates), f"{name} was created"
