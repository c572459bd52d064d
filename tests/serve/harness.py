"""A real `kremlin-sim serve` in its own process group, and raw websocket players for it.

Shared by the tests and bench/serve_memory.py. Every wait polls a condition
until a deadline; the server and every game under it are stopped on the way
out, whatever happened. Only loopback addresses are used.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import kremlin_sim
from kremlin_sim.engine import SaveError, SaveLog, find_logs, read_log

TEMPLATE = Path(kremlin_sim.__file__).parent / "scenario" / "template.yaml"
URL = re.compile(r"http://127\.0\.0\.1:\d+")


def wait_until(condition: Callable[[], object], timeout: float, what: str,
               pause: Callable[[float], object] = time.sleep):
    """The condition's first truthy value; AssertionError naming `what` at the deadline.

    `pause` is how to wait between looks (a Playwright page must use its own,
    or it never hears from the browser meanwhile)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")
        pause(0.1)


def logs(saves: Path) -> list[SaveLog]:
    found = []
    for path in find_logs([str(saves)]) if saves.is_dir() else []:
        with contextlib.suppress(SaveError):
            found.append(read_log(path))
    return found


class Served:
    """The output of a running server, collected by a thread so the pipe never fills."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def wait_for_line(self, pattern: str, timeout: float) -> str:
        def found() -> str | None:
            done = self.process.poll() is not None and not self.reader.is_alive()
            line = next((line for line in self.lines if re.search(pattern, line)), None)
            if line is None and done:
                raise AssertionError(f"the server exited ({self.process.returncode}):\n{self.text}")
            return line
        return wait_until(found, timeout, f"a line matching {pattern!r} from the server; it said:\n{self.text}")

    @property
    def url(self) -> str:
        match = URL.search(self.wait_for_line(URL.pattern, 60))
        assert match
        return match.group(0)


def serve_command(saves: Path, *options: str, scenario: Path | None = TEMPLATE) -> list[str]:
    command = [sys.executable, "-m", "kremlin_sim", "serve"]
    if scenario is not None:
        command.append(str(scenario))
    return [*command, "--host", "127.0.0.1", "--port", "0", "--saves", str(saves), *options]


def stop_group(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM to the whole group (the server and its games), SIGKILL if anything is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):  # games that outlived the server
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout)


@contextlib.contextmanager
def served(saves: Path, *options: str, scenario: Path | None = TEMPLATE, cwd: Path | None = None) -> Iterator[Served]:
    process = subprocess.Popen(serve_command(saves, *options, scenario=scenario), cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        yield Served(process)
    finally:
        stop_group(process)


# -- players speaking textual-serve's websocket protocol -------------------------------------------

def ws_url(url: str, width: int = 100, height: int = 30) -> str:
    return url.replace("http://", "ws://") + f"/ws?width={width}&height={height}"


class Player:
    """One browser tab without the browser: the terminal output it gets, the keys it sends."""

    def __init__(self, socket) -> None:
        self.socket = socket
        self.screen = bytearray()
        self.task = asyncio.create_task(self._receive())

    async def _receive(self) -> None:
        async for message in self.socket:
            if isinstance(message.data, bytes):
                self.screen += message.data

    async def wait_for(self, text: str, deadline: float) -> None:
        while text.encode() not in self.screen:
            if time.monotonic() > deadline or self.task.done():
                raise AssertionError(f"{text!r} never appeared on a player's screen")
            await asyncio.sleep(0.1)

    async def type(self, keys: str) -> None:
        await self.socket.send_str(json.dumps(["stdin", keys]))


async def open_players(url: str, count: int, session) -> list[Player]:
    sockets = await asyncio.gather(*(session.ws_connect(ws_url(url), heartbeat=None) for _ in range(count)))
    return [Player(socket) for socket in sockets]


async def start_games(url: str, count: int, session, timeout: float) -> list[Player]:
    """`count` tabs at once, each typing a name as soon as it is asked: `count` save logs."""
    deadline = time.monotonic() + timeout
    players = await open_players(url, count, session)

    async def name(number: int, player: Player) -> None:
        await player.wait_for("pseudonym", deadline)
        await player.type(f"Student {number}\r")

    await asyncio.gather(*(name(number, player) for number, player in enumerate(players, 1)))
    return players


async def close_players(players: list[Player]) -> None:
    await asyncio.gather(*(player.socket.close() for player in players), return_exceptions=True)
    for player in players:
        player.task.cancel()
