"""Where the peak of figure 6 comes from: RSS and its high-water mark at each stage of the playthrough.

    python bench/tui_memory.py             # stages: imports, campaign, first decision, each decision, ending
    python bench/tui_memory.py --trace     # and the top tracemalloc growth between decision 1 and the ending
    python bench/tui_memory.py --times     # and each key press until the next screen, by kind (ms)
    python bench/tui_memory.py floor       # one floor variant once, for `wait4` (see below)
    python bench/tui_memory.py floors      # the floors against bare_app.py, median of 5, alternating

The stages follow bench/tui_probe.py's playthrough step by step; VmRSS and VmHWM
come from /proc/self/status. The floors are what figure 6 cannot go under:

  imports    bare_app.py after importing what the game imports before its first screen
  campaign   imports, then the campaign loaded and validated (the CLI does, by design)
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = ("imports", "campaign")


def status() -> tuple[float, float]:
    """VmRSS and VmHWM in MiB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def report(stage: str) -> None:
    rss, hwm = status()
    import tracemalloc
    traced = f"   traced {tracemalloc.get_traced_memory()[0] / 2**20:5.1f} MiB" if tracemalloc.is_tracing() else ""
    print(f"{stage:<28} rss {rss:6.1f} MiB   hwm {hwm:6.1f} MiB   modules {len(sys.modules):>5}{traced}", flush=True)


async def playthrough(trace: bool, times: dict[str, list[float]]) -> None:
    import tracemalloc

    sys.path.insert(0, str(HERE))
    from tui_probe import history_key, make_app, until

    from kremlin_sim.tui.screens.decision import DecisionScreen
    from kremlin_sim.tui.screens.ending import EndingScreen
    from kremlin_sim.tui.screens.outcome import OutcomeScreen
    from kremlin_sim.tui.screens.reason import ReasonScreen

    report("imports (probe's)")
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(Path(folder))
        report("campaign loaded, app built")
        first = None
        decisions = 0
        async with app.run_test(size=(80, 24)) as pilot:
            while not isinstance(app.screen, EndingScreen):
                screen = app.screen
                pressed = time.perf_counter()
                if isinstance(screen, DecisionScreen):
                    decisions += 1
                    report(f"decision {decisions}")
                    if decisions == 1 and trace:
                        tracemalloc.start(25)
                        first = tracemalloc.take_snapshot()
                    await pilot.press(history_key(app))
                elif isinstance(screen, ReasonScreen):
                    await pilot.press("enter")
                elif isinstance(screen, OutcomeScreen):
                    revealed = screen.revealed
                    await pilot.press("enter")
                    if screen.shows_history and not revealed:
                        await until(pilot, lambda: screen.revealed)
                        await pilot.pause()
                        times.setdefault("reveal", []).append((time.perf_counter() - pressed) * 1000)
                        continue
                await until(pilot, lambda: app.screen is not screen)
                await pilot.pause()  # rendered, as tui_probe.py's latency counts it
                times.setdefault(f"{type(screen).__name__} to {type(app.screen).__name__}", []).append(
                    (time.perf_counter() - pressed) * 1000)
            await pilot.pause()
            report("ending screen")
            if trace:
                gc.collect()
                report("ending, after gc.collect")
                last = tracemalloc.take_snapshot()
                filters = [tracemalloc.Filter(False, tracemalloc.__file__)]
                stats = last.filter_traces(filters).compare_to(first.filter_traces(filters), "traceback")
                for stat in stats[:12]:
                    print(f"\n+{stat.size_diff / 1024:.0f} KiB in {stat.count_diff:+} blocks")
                    for line in stat.traceback.format(limit=6):
                        print("   ", line)
    report("after exit")


async def floor(variant: str) -> None:
    import kremlin_sim.tui.app  # noqa: F401  what the game imports before its first screen
    import kremlin_sim.tui.screens.decision  # noqa: F401

    if variant == "campaign":
        from kremlin_sim.scenario import CAMPAIGN, load_file, resolve
        load_file(resolve(CAMPAIGN))
    sys.path.insert(0, str(HERE))
    from bare_app import startup
    await startup()


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] in FLOORS:
        asyncio.run(floor(args[0]))
        return 0
    if args and args[0] == "floors":
        sys.path.insert(0, str(HERE))
        from run import alternate, peak_rss_kib

        print("| variant | peak MiB | bare MiB | ratio |\n|---|---|---|---|")
        for variant in FLOORS:
            ours, base = alternate(lambda: peak_rss_kib(__file__, variant),
                                   lambda: peak_rss_kib(str(HERE / "bare_app.py"), "memory"), 5)
            print(f"| {variant} | {ours / 1024:.1f} | {base / 1024:.1f} | {ours / base:.2f}x |", flush=True)
        return 0
    start = time.perf_counter()
    times: dict[str, list[float]] = {}
    asyncio.run(playthrough("--trace" in args, times))
    print(f"{time.perf_counter() - start:.1f} s")
    if "--times" in args:
        for kind, values in times.items():
            print(f"{kind:<32} median {statistics.median(values):5.0f} ms   max {max(values):5.0f} ms   n {len(values)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
