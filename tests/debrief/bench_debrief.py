"""Measure: a class HTML report from N save logs against only parsing the same files as JSON.

Run: python tests/debrief/bench_debrief.py [N] [SCENARIO.yaml]
(not collected by pytest, and not the figure of record: that is `bench/run.py --only debrief`;
test_speed.py checks, without timing, that the report plays no log through the engine).
Without a scenario it uses the bundled campaign when it loads, else a generated
16-decision scenario of the same shape.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from kremlin_sim.engine import read_log, replay
from kremlin_sim.scenario import CAMPAIGN, bundled_paths, load_file

sys.path.insert(0, str(Path(__file__).parent))
from conftest import long_scenario_yaml, make_logs, measure  # noqa: E402


def campaign_or_fixture(work: Path) -> Path:
    path = bundled_paths().get(CAMPAIGN)
    if path is not None and load_file(path).ok:
        return path
    generated = work / "long-fixture.yaml"
    generated.write_text(long_scenario_yaml(), encoding="utf-8")
    return generated


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    work = Path(tempfile.mkdtemp(prefix="debrief-bench-"))
    try:
        scenario_path = Path(sys.argv[2]) if len(sys.argv) > 2 else campaign_or_fixture(work)
        folder = work / "saves"
        paths = make_logs(scenario_path, count, folder)
        parsing, report = measure(folder, paths)
        print(f"{len(paths)} logs of {scenario_path.name}: json parsing {parsing:.3f} s, "
              f"class HTML report {report:.3f} s, ratio {report / parsing:.2f}")
        scenario = load_file(scenario_path).scenario
        start = time.perf_counter()
        for path in paths:
            replay(read_log(path), scenario)
        print(f"for comparison, engine replay() of every log: {time.perf_counter() - start:.3f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
