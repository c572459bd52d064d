"""Memory for a class: N browser tabs on one `kremlin-sim serve`, measured from /proc.

    python bench/serve_memory.py [--sessions 30] [--scenario peaceful-coexistence]

Starts the server on a free loopback port with a temporary saves folder,
opens N websocket sessions speaking textual-serve's protocol (a tab without
the browser), types a name in each so every game is really running and has
written its save log, then sums the memory of the server and every process
under it: RSS (shared pages counted in every process: an upper bound) and
PSS (shared pages divided among the processes that share them). The server
and its games are stopped at the end. docs/serve.md records the result.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from serve.harness import TEMPLATE, close_players, logs, served, start_games, wait_until  # noqa: E402

from kremlin_sim.scenario import resolve  # noqa: E402
from kremlin_sim.serve import processes  # noqa: E402

MIB = 1024 * 1024


def measure(sessions: int, timeout: float, scenario: Path) -> dict[str, float]:
    import aiohttp

    with tempfile.TemporaryDirectory() as folder, served(Path(folder) / "saves", scenario=scenario) as server:
        url = server.url
        idle = processes.tree_rss_bytes(server.pid)

        async def class_of(count: int) -> dict[str, float]:
            async with aiohttp.ClientSession() as session:
                started = time.monotonic()
                players = await start_games(url, count, session, timeout)
                await asyncio.to_thread(wait_until, lambda: len(logs(Path(folder) / "saves")) >= count,
                                        timeout, f"{count} save logs")
                seconds = time.monotonic() - started
                games = [pid for pid in processes.children(server.pid) if processes.is_game(pid)]
                figures = {"sessions": count, "games": len(games), "seconds_to_start": round(seconds, 1),
                           "rss_total_mib": round(processes.tree_rss_bytes(server.pid) / MIB),
                           "pss_total_mib": round(processes.tree_pss_bytes(server.pid) / MIB),
                           "server_idle_rss_mib": round(idle / MIB),
                           "rss_per_game_mib": round(sum(map(processes.rss_bytes, games)) / max(len(games), 1) / MIB)}
                await close_players(players)
                return figures

        return asyncio.run(class_of(sessions))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--scenario", help="a bundled id or a file (default: the two-decision template)")
    args = parser.parse_args()
    scenario = resolve(args.scenario) if args.scenario else TEMPLATE
    figures = measure(args.sessions, args.timeout, scenario)
    print(f"# {scenario.name}; {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores")
    for key, value in figures.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
