"""Where figure 5's time goes: the class HTML report of 1,000 logs, profiled and timed in parts.

    python bench/debrief_profile.py [FOLDER]            # make the logs (as bench/run.py does) once, then a profile
    python bench/debrief_profile.py FOLDER --parts      # each stage's best processor time beside json parsing
    python bench/debrief_profile.py FOLDER --ratio      # figure 5's ratio on these logs, wall and processor time

The logs are kept in FOLDER (default /tmp/kremlin-debrief-logs) so repeated runs skip making them.
"""

from __future__ import annotations

import cProfile
import gc
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Callable


def make_logs(saves: Path, games: int = 1000) -> list[Path]:
    """The same games as bench/run.py's figure 5: seeds 0..games-1, random play of the campaign."""
    if not saves.is_dir() or len(list(saves.glob("*.jsonl"))) != games:
        from kremlin_sim.engine import Session, autoplay
        from kremlin_sim.scenario import CAMPAIGN, load_file, resolve

        scenario = load_file(resolve(CAMPAIGN)).scenario
        for seed in range(games):
            autoplay(Session.start(scenario, saves, f"Student {seed}", seed=seed), "random", seed)
    return sorted(saves.glob("*.jsonl"))


def parse_only(logs: list[Path]) -> None:
    for path in logs:
        with open(path, encoding="utf-8") as handle:
            [json.loads(line) for line in handle]


from run import debrief_html as report  # noqa: E402 (figure 5's own call, so both measure the same thing)


def median_ms(function: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()  # processor time: the machine is shared, and wall time swings with its load
        function()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def parts(saves: Path, logs: list[Path], out: Path, runs: int = 7) -> None:
    """Each stage of `collect` and of the HTML report on its own, in processor time, the best of `runs`,
    with the collector paused as the command pauses it; the JSON parsing baseline beside them."""
    from kremlin_sim.debrief import reading, render_html
    from kremlin_sim.debrief.aggregate import summarise
    from kremlin_sim.debrief.content import build
    from kremlin_sim.debrief.model import ClassRecord

    best: dict[str, float] = {}

    def stage(name: str, function: Callable[[], object]) -> object:
        start = time.process_time()
        result = function()
        best[name] = min(best.get(name, float("inf")), time.process_time() - start)
        return result

    def records(checked: list) -> list:  # collect's sorting, naming and grouping, as it does them
        checked.sort(key=lambda c: (reading._started(c.log), c.log.path))
        names = reading._display_names(checked, False)
        checked.sort(key=lambda c: (names[id(c)].casefold(), reading._started(c.log), c.log.path))
        groups: dict = {}
        for item in checked:
            record = reading._game_record(item, names[id(item)])
            key = (record.scenario_id, record.version)
            if key not in groups:
                groups[key] = reading._new_group(item.scenario, record.version)
            groups[key].games.append(record)
        return list(groups.values())

    report(saves, out)  # warm: the benchmark measures in-process too
    gc.disable()
    try:
        for _ in range(runs):
            stage("json parsing (baseline)", lambda: parse_only(logs))
            files, _ = stage("discover", lambda: reading.discover([str(saves)]))
            reader = reading.Reader(None)
            read = stage("read (read_log, scenario)", lambda: [reader.read(path) for path in files])
            checked = stage("check (verify)", lambda: [reader.check(*item) for item in read])
            del read
            groups = stage("game records", lambda: records(checked))
            stage("summarise", lambda: [summarise(group) for group in groups])
            del checked
            document = stage("build the document", lambda: build(ClassRecord("class", groups, []), student_pages=True))
            text = stage("render HTML", lambda: render_html.render_document(document))
            stage("write the file", lambda: out.write_text(text, encoding="utf-8"))
            stage("free it all", lambda: [container.clear() for container in (groups, [document], [text])])
            del document, text, groups
    finally:
        gc.enable()
    base = best.pop("json parsing (baseline)")
    for name, seconds in best.items():
        print(f"{name:28} {seconds * 1000:7.1f} ms")
    total = sum(best.values())
    print(f"{'sum':28} {total * 1000:7.1f} ms   json parsing {base * 1000:.1f} ms   ratio {total / base:.2f}x")


def ratio(saves: Path, logs: list[Path], out: Path, runs: int = 7) -> None:
    """As bench/run.py measures figure 5 (in turns, medians), in wall and in processor time: on a shared
    machine the processor time of this process is the steadier of the two."""
    report(saves, out)
    walls: dict[str, list[float]] = {"report": [], "parse": []}
    cpus: dict[str, list[float]] = {"report": [], "parse": []}
    for _ in range(runs):
        for name, function in (("parse", lambda: parse_only(logs)), ("report", lambda: report(saves, out))):
            wall, cpu = time.perf_counter(), time.process_time()
            function()
            walls[name].append(time.perf_counter() - wall)
            cpus[name].append(time.process_time() - cpu)
    for label, table in (("wall", walls), ("cpu", cpus)):
        for kind, pick in (("median", statistics.median), ("best", min)):  # the best: the least disturbed
            mine, base = pick(table["report"]), pick(table["parse"])
            print(f"{label:4} {kind:6} report {mine * 1000:6.0f} ms  parsing {base * 1000:5.0f} ms  ratio {mine / base:.2f}x")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    saves = Path(args[0] if args else "/tmp/kremlin-debrief-logs")
    logs = make_logs(saves)
    out = saves.parent / "class-profile.html"
    if "--ratio" in sys.argv:
        ratio(saves, logs, out)
        return
    if "--parts" in sys.argv:
        parts(saves, logs, out)
        return
    report(saves, out)  # warm, as the benchmark's later runs are
    profiler = cProfile.Profile()
    profiler.enable()
    report(saves, out)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
