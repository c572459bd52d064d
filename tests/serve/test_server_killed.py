"""A server killed outright (kill -9, a crash) leaves no game running with no one to play it."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from kremlin_sim.serve import processes
from serve.harness import close_players, logs, served, start_games, wait_until

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="follows processes through /proc (Linux)")


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent that will never reap it."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2:].split()[0] != "Z"


def test_games_end_when_their_server_is_killed(tmp_path):
    aiohttp = pytest.importorskip("aiohttp")
    saves = tmp_path / "saves"
    with served(saves) as server:
        url = server.url

        async def two_tabs_then_kill() -> list[int]:
            async with aiohttp.ClientSession() as session:
                players = await start_games(url, 2, session, 120)
                await asyncio.to_thread(wait_until, lambda: len(logs(saves)) == 2, 120, "two save logs")
                games = [pid for pid in processes.children(server.pid) if processes.is_game(pid)]
                os.kill(server.pid, signal.SIGKILL)
                await close_players(players)
                return games

        games = asyncio.run(two_tabs_then_kill())
        assert len(games) == 2
        wait_until(lambda: not any(running(pid) for pid in games), 60, "the games of a killed server to end")
    assert sorted(log.player for log in logs(saves)) == ["Student 1", "Student 2"]
