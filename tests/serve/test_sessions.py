"""A whole class on one machine: 30 tabs at once, each its own game and save log.

The tabs are websocket clients speaking textual-serve's protocol (reliable on
two cores where 30 browser pages are not); bench/serve_memory.py measures the
memory of the same thing for docs/serve.md.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from kremlin_sim.serve import processes
from serve.harness import close_players, logs, served, start_games, wait_until

CLASS = 30
START_SECONDS = 300     # 30 Textual apps starting at once on 2 shared cores
GIB = 1024 ** 3

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts processes through /proc (Linux)")


def games_of(server_pid: int) -> list[int]:
    return [pid for pid in processes.children(server_pid) if processes.is_game(pid)]


def test_thirty_tabs_run_thirty_games_and_closing_them_ends_the_games(tmp_path):
    aiohttp = pytest.importorskip("aiohttp")
    saves = tmp_path / "saves"
    with served(saves) as server:
        url = server.url

        async def whole_class() -> int:
            async with aiohttp.ClientSession() as session:
                players = await start_games(url, CLASS, session, START_SECONDS)
                await asyncio.to_thread(wait_until, lambda: len(logs(saves)) == CLASS, START_SECONDS,
                                        f"{CLASS} save logs")
                running = len(games_of(server.pid))
                memory = processes.tree_rss_bytes(server.pid)
                assert memory < 4 * GIB, f"{memory / GIB:.1f} GiB for {CLASS} games"  # measured: about 1.4 GiB
                await close_players(players)
                return running

        assert asyncio.run(whole_class()) == CLASS
        assert sorted(log.player for log in logs(saves)) == sorted(f"Student {n}" for n in range(1, CLASS + 1))
        wait_until(lambda: not games_of(server.pid), 60, "the games of closed tabs to end")
        server.wait_for_line(rf"{CLASS} playing, 0 finished", 30)
