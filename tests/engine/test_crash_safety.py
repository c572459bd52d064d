"""Kill a writer with SIGKILL at random moments: every log left behind still loads and resumes."""

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

WRITER = """
import sys
from kremlin_sim.engine import Session, autoplay
from kremlin_sim.scenario import load_file
scenario = load_file(sys.argv[1]).scenario
seed = 0
while True:
    session = Session.start(scenario, sys.argv[2], "Crash Test " + "é" * 50)
    autoplay(session, "random", seed)
    seed += 1
"""


def chain_scenario(path: Path, length: int = 40) -> Path:
    """A long game, so that kills land mid-game as well as between games."""
    decisions = []
    for i in range(length):
        nxt = f"d{i + 1}" if i + 1 < length else "done"
        decisions.append(
            f"  - id: d{i}\n    date: \"1955\"\n    title: \"Step {i}\"\n    briefing: \"A long reason: {'x' * 200}\"\n"
            f"    next: {nxt}\n    choices:\n"
            f"      - {{id: a, label: \"A\", effects: {{tension: {{by: 1, why: \"up\"}}}}}}\n"
            f"      - {{id: b, label: \"B\", effects: {{tension: {{by: -1, why: \"down\"}}}}}}\n"
            f"    history: {{choice: a, date: \"1955\", what_happened: \"x\", sources: [{{author: A, title: T, year: 2000}}]}}\n"
        )
    path.write_text(
        "format: 1\nid: chain\ntitle: Chain\nstart: d0\n"
        "meters:\n  - {id: tension, label: Tension, min: 0, max: 100, start: 50}\n"
        "endings:\n  - {id: done, title: Done, text: Done}\ndecisions:\n" + "".join(decisions),
        encoding="utf-8",
    )
    return path


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_logs_survive_sigkill_at_random_moments(tmp_path):
    scenario_path = chain_scenario(tmp_path / "chain.yaml")
    scenario = load_file(scenario_path).scenario
    saves = tmp_path / "saves"
    rng = random.Random(1953)
    for _ in range(12):
        before = set(saves.glob("*.jsonl")) if saves.exists() else set()
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(scenario_path), str(saves)])
        wait_for(lambda: saves.exists() and set(saves.glob("*.jsonl")) - before)
        time.sleep(rng.uniform(0, 0.15))  # the random kill moment is the point of this test
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    logs = sorted(saves.glob("*.jsonl"))
    assert len(logs) >= 12
    unfinished = 0
    for path in logs:
        log = read_log(path)  # raises on a corrupt file: the test fails
        verdict = replay(log, scenario)
        assert verdict.ok, (path, verdict.problems)
        if not log.finished:
            unfinished += 1
            session, _ = Session.resume(path, scenario)
            assert len(session.game.steps) == len(log.steps)
            if session.game.is_over:  # killed between the last decision and the end line
                assert read_log(path).finished
                continue
            session.choose("a")  # and the repaired file takes new decisions
            assert len(read_log(path).steps) == len(log.steps) + 1
    assert unfinished >= 1
