"""SIGKILL while resuming: the repair of a torn log must itself be crash-safe.

tests/engine/test_crash_safety.py kills a process that starts and plays games.
This is the other half: a process that keeps resuming logs whose last line
was torn by an earlier crash (resume cuts the torn part off, then appends the
next decision) is killed at random moments. Every log it leaves behind must
still read, verify, resume and take a decision.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kremlin_sim.engine import Session, read_log, replay
from kremlin_sim.scenario import load_file

RESUMER = """
import os, sys
from pathlib import Path
from kremlin_sim.engine import Session
from kremlin_sim.scenario import load_file
scenario = load_file(sys.argv[1]).scenario
torn = Path(sys.argv[2]).read_bytes()
folder = Path(sys.argv[3])
n = 0
while True:
    path = folder / f"{sys.argv[4]}-{n:05d}.jsonl"
    aside = folder / "copy.tmp"
    aside.write_bytes(torn)
    os.replace(aside, path)  # a torn log appears whole: the copy is not what is under test
    session, _ = Session.resume(path, scenario)  # cuts the torn line off, fsyncs
    if n == 0:
        print("resuming", flush=True)  # from now on, every moment is a moment to kill
    for _ in range(3):
        choice = next(o.choice.id for o in session.game.options() if o.available)
        session.choose(choice)
    n += 1
"""


def chain(path: Path, length: int = 12) -> Path:
    """A game long enough that a resume replays some steps and plays on for several more."""
    decisions = "".join(
        f"  - id: d{i}\n    date: \"1955\"\n    title: \"Step {i}\"\n    briefing: \"Why {i}.\"\n"
        f"    next: {f'd{i + 1}' if i + 1 < length else 'done'}\n    choices:\n"
        f"      - {{id: a, label: \"A\", effects: {{tension: {{by: 1, why: \"up\"}}}}}}\n"
        f"      - {{id: b, label: \"B\", effects: {{tension: {{by: -1, why: \"down\"}}}}}}\n"
        f"    history: {{choice: a, date: \"1955\", what_happened: \"x\", sources: [{{author: A, title: T, year: 2000}}]}}\n"
        for i in range(length))
    path.write_text("format: 1\nid: chain\ntitle: Chain\nstart: d0\n"
                    "meters:\n  - {id: tension, label: Tension, min: 0, max: 100, start: 50}\n"
                    "endings:\n  - {id: done, title: Done, text: Done}\ndecisions:\n" + decisions, encoding="utf-8")
    return path


def torn_log(scenario, folder: Path) -> Path:
    """A game of four decisions whose fifth line a crash cut in the middle of a character."""
    session = Session.start(scenario, folder, "Юлия")
    for _ in range(4):
        session.choose("a", reason="причина")
    with open(session.path, "ab") as handle:
        handle.write('{"type":"step","n":5,"node":"d4","choice":"a","reason":"при'.encode()[:-1])
    return session.path


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_logs_survive_sigkill_while_resume_repairs_them(tmp_path):
    scenario_path = chain(tmp_path / "chain.yaml")
    scenario = load_file(scenario_path).scenario
    torn = torn_log(scenario, tmp_path / "base")
    assert read_log(torn).truncated
    saves = tmp_path / "saves"
    saves.mkdir()
    rng = random.Random(1956)
    for kill in range(5):
        resumer = subprocess.Popen([sys.executable, "-c", RESUMER, str(scenario_path), str(torn), str(saves), f"kill{kill}"],
                                   stdout=subprocess.PIPE, text=True)
        assert resumer.stdout.readline() == "resuming\n"  # blocks until the loop runs
        time.sleep(rng.uniform(0, 0.2))  # the random kill moment is the point of this test
        os.kill(resumer.pid, signal.SIGKILL)
        resumer.wait()
        resumer.stdout.close()
    logs = sorted(saves.glob("*.jsonl"))
    assert len(logs) >= 5
    for path in logs:
        log = read_log(path)  # raises on a corrupt file: the test fails
        assert replay(log, scenario).ok, path
        assert len(log.steps) >= 4
        if not log.finished:
            session, _ = Session.resume(path, scenario)
            if not session.game.is_over:
                session.choose("a")
                assert len(read_log(path).steps) == len(log.steps) + 1
