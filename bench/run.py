"""Run every benchmark and print one table: figure, ours, baseline, ratio, target, pass/fail.

    python bench/run.py            # everything (several minutes)
    python bench/run.py --only validation --runs 5

Each figure is a ratio against a baseline measured in the same run, the two
measured alternately, median of at least five runs: absolute times on shared
machines are noise. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import big_scenario  # noqa: E402


@dataclass
class Row:
    figure: str
    ours: str
    baseline: str
    ratio: float | None
    target: str
    passed: bool | None

    def cells(self) -> list[str]:
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}x"
        verdict = {True: "pass", False: "FAIL", None: "-"}[self.passed]
        return [self.figure, self.ours, self.baseline, ratio, self.target, verdict]


def alternate(ours: Callable[[], float], base: Callable[[], float], runs: int) -> tuple[float, float]:
    """Medians of `runs` measurements of each, taken in turns so that load affects both alike."""
    mine, theirs = [], []
    for _ in range(runs):
        theirs.append(base())
        mine.append(ours())
    return statistics.median(mine), statistics.median(theirs)


def timed(function: Callable[[], object]) -> Callable[[], float]:
    def measure() -> float:
        start = time.perf_counter()
        function()
        return time.perf_counter() - start
    return measure


def process(*args: str) -> Callable[[], float]:
    return timed(lambda: subprocess.run([sys.executable, *args], check=True, capture_output=True))


# Linux keeps a process's peak RSS across exec, so a child forked from this process starts its peak at this
# process's size (over 1 GiB after the debrief figure's 1,000 games). A small launcher forks the measured
# program instead, and reports its peak: the launcher's own few MiB are far below either side's.
LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss)
sys.exit(1 if status else 0)
"""


def peak_rss_kib(*args: str) -> float:
    out = subprocess.run([sys.executable, "-c", LAUNCHER, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{args} failed")
    return float(out.stdout.split()[-1])


def ratio_row(figure: str, ours: float, base: float, limit: float, unit: str = "s") -> Row:
    ratio = ours / base
    shown = (lambda v: f"{v * 1000:.0f} ms") if unit == "s" else (lambda v: f"{v / 1024:.1f} MiB")
    return Row(figure, shown(ours), shown(base), ratio, f"<= {limit}x", ratio <= limit)


def compile_like_an_install() -> None:
    """Bytecode for kremlin_sim, as `pip install` leaves it for a user: the installed copy starts from .pyc
    files, and so does Textual here. An editable checkout under PYTHONDONTWRITEBYTECODE (set on the project's
    machines) never gets any, so every start would compile our ~40 modules from source (about 50 ms, ours
    alone) and the figures would measure the development setup, not the product."""
    import compileall

    import kremlin_sim
    compileall.compile_dir(Path(kremlin_sim.__file__).parent, quiet=1)


def bench_startup(runs: int) -> list[Row]:
    ours, base = alternate(process(str(HERE / "tui_probe.py"), "startup"), process(str(HERE / "bare_app.py"), "startup"), runs)
    return [ratio_row("1. start-up to first decision (headless)", ours, base, 1.3)]


def median_ms(*args: str) -> Callable[[], float]:
    """Run a latency probe (a script printing {"median_ms": …}) and read its median."""
    def measure() -> float:
        out = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True)
        return json.loads(out.stdout)["median_ms"]
    return measure


def bench_latency(runs: int) -> list[Row]:
    ours, base = alternate(median_ms(str(HERE / "tui_probe.py"), "latency", "15"),
                           median_ms(str(HERE / "bare_app.py"), "latency", "15"), runs)
    ratio = ours / base
    return [Row("2. choice latency (key to next screen)", f"{ours:.0f} ms", f"{base:.0f} ms", ratio, "<= 1.5x", ratio <= 1.5)]


def bench_validation(runs: int, sizes=(500, 2000, 8000)) -> list[Row]:
    import yaml

    from kremlin_sim.scenario import load_file
    rows, medians = [], {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"big{size}.yaml"
            path.write_text(big_scenario(size), encoding="utf-8")
            result = load_file(path)
            assert result.ok, [d.format() for d in result.diagnostics[:3]]

            def parse() -> None:
                with open(path, encoding="utf-8") as handle:
                    yaml.load(handle.read(), Loader=yaml.CSafeLoader)
            ours, base = alternate(timed(lambda: load_file(path)), timed(parse), runs if size < 8000 else max(5, runs // 2))
            medians[size] = ours
            limit = 2.5 if size == 2000 else None
            rows.append(Row(f"3. validate {size} decision points vs PyYAML C safe load", f"{ours:.2f} s", f"{base:.2f} s",
                            ours / base, f"<= {limit}x" if limit else "(info)", (ours / base <= limit) if limit else None))
    if 2000 in medians and 8000 in medians:
        growth = medians[8000] / medians[2000]
        rows.append(Row("3. validate growth 2,000 -> 8,000", f"{growth:.2f}x", "4x is linear", growth, "<= 4.5x", growth <= 4.5))
    return rows


def bench_exploration(runs: int) -> list[Row]:
    from kremlin_sim.engine import Rules
    from kremlin_sim.scenario import CAMPAIGN, load_file, resolve
    from kremlin_sim.tools.explore import explore
    from kremlin_sim.tools.plays import random_games

    scenario = load_file(resolve(CAMPAIGN)).scenario
    explore_times, random_times, states = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        states = explore(scenario).state_count
        explore_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        random_games(Rules(scenario), 1000, 0)
        random_times.append(time.perf_counter() - start)
    seconds = statistics.median(explore_times)
    return [
        Row("4. check: distinct states of the campaign", f"{states:,}", "", None, "(info)", None),
        Row("4. check: exploration time", f"{seconds:.2f} s", f"{states / seconds:,.0f} states/s", None, "seconds", seconds < 10),
        Row("4. check: random games", f"{1000 / statistics.median(random_times):,.0f} games/s", "", None, "(info)", None),
    ]


def debrief_html(saves: Path, out: Path) -> None:
    """`kremlin-sim debrief SAVES --format html -o OUT`, in-process, its list of logs left out kept quiet."""
    from kremlin_sim.cli import main

    with open(os.devnull, "w") as sink:
        saved, sys.stderr = sys.stderr, sink
        try:
            assert main(["debrief", str(saves), "--format", "html", "-o", str(out)]) == 0
        finally:
            sys.stderr = saved


def bench_debrief(runs: int, games: int = 1000) -> list[Row]:
    from kremlin_sim.engine import Session, autoplay
    from kremlin_sim.scenario import CAMPAIGN, load_file, resolve

    scenario = load_file(resolve(CAMPAIGN)).scenario
    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder) / "saves"
        for seed in range(games):
            autoplay(Session.start(scenario, saves, f"Student {seed}", seed=seed), "random", seed)
        logs = sorted(saves.glob("*.jsonl"))
        out = Path(folder) / "class.html"

        def parse_only() -> None:
            for path in logs:
                with open(path, encoding="utf-8") as handle:
                    [json.loads(line) for line in handle]

        ours, base = alternate(timed(lambda: debrief_html(saves, out)), timed(parse_only), runs)
    return [ratio_row(f"5. debrief {games} logs to class HTML vs json parsing", ours, base, 4.0)]


def bench_memory(runs: int) -> list[Row]:
    ours, base = alternate(lambda: peak_rss_kib(str(HERE / "tui_probe.py"), "memory"),
                           lambda: peak_rss_kib(str(HERE / "bare_app.py"), "memory"), runs)
    return [ratio_row("6. peak memory, headless campaign playthrough", ours, base, 1.5, unit="KiB")]


BENCHES = {"startup": bench_startup, "latency": bench_latency, "validation": bench_validation,
           "exploration": bench_exploration, "debrief": bench_debrief, "memory": bench_memory}


def table(rows: list[Row]) -> str:
    header = ["figure", "ours", "baseline", "ratio", "target", "result"]
    cells = [header] + [r.cells() for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c[i].ljust(widths[i]) for i in range(len(header))) + " |" for c in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def machine() -> str:
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=sorted(BENCHES), action="append", help="run only these figures")
    parser.add_argument("--runs", type=int, default=5, help="measurements of each side (at least 5 for the record)")
    args = parser.parse_args()
    print(machine(), file=sys.stderr)
    compile_like_an_install()
    rows: list[Row] = []
    for name in args.only or BENCHES:
        print(f"running {name}…", file=sys.stderr)
        rows.extend(BENCHES[name](args.runs))
    print(table(rows))
    return 0 if all(r.passed is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
