"""Figure 5 counted in instructions (valgrind's cachegrind), not timed: steady on a shared, noisy machine.

    python bench/debrief_instructions.py [FOLDER]

Runs the command's report and the JSON parsing baseline on the logs in FOLDER
(made as bench/run.py makes them; default /tmp/kremlin-debrief-logs) under
cachegrind, each after one warm-up report and parse as the benchmark's later
runs are, and subtracts a run that only warms up: the instructions of one
report and of one parse, and their ratio. Instructions leave out what the
kernel does (page faults, reading, writing the file) and memory stalls, so
this ratio is a guide beside the timed one, not the figure of record.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from debrief_profile import make_logs, parse_only, report  # noqa: E402


def instructions(saves: Path, measured: str) -> int:
    run = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         os.path.realpath(sys.executable), __file__, str(saves), "--in-valgrind", measured],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})  # same hashes each run
    return int(re.search(r"I\s+refs:\s+([\d,]+)", run.stderr).group(1).replace(",", ""))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    saves = Path(args[0] if args else "/tmp/kremlin-debrief-logs")
    logs = make_logs(saves)
    if "--in-valgrind" in sys.argv:
        out = saves.parent / "class-instructions.html"
        report(saves, out)
        parse_only(logs)
        measured = args[1]
        if measured == "report":
            report(saves, out)
        elif measured == "parse":
            parse_only(logs)
        return
    warm = instructions(saves, "none")
    ours = instructions(saves, "report") - warm
    base = instructions(saves, "parse") - warm
    print(f"report {ours / 1e6:,.0f} M instructions, parsing {base / 1e6:,.0f} M, ratio {ours / base:.2f}x")


if __name__ == "__main__":
    main()
