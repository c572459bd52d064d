"""textual-serve, adapted for a classroom.

textual-serve starts one process per browser connection and relays the
terminal through a websocket. Three changes: the page is our own (no fonts
from the internet, the websocket goes back to whatever address the student
typed, the title is escaped), the open connections are tracked so the server
can close every game cleanly when the teacher stops it, and the per-game
command is built here, quoted part by part.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

TEMPLATES = Path(__file__).parent / "templates"


def game_command(scenario: str | None, saves: Path, reveal: str, require_reasons: bool) -> str:
    """The shell command one browser tab runs: `python -m kremlin_sim play …`.

    The saves folder is absolute so every tab saves into the teacher's folder;
    `--classroom` keeps students from opening files on the teacher's computer or
    changing the teacher's settings.
    On POSIX, `exec` lets the shell give way to Python: one process per game, not two.
    """
    parts = [sys.executable, "-m", "kremlin_sim", "play"]
    if scenario:
        parts.append(scenario)
    parts += ["--classroom", "--saves", str(saves.absolute()), "--reveal", reveal]
    if require_reasons:
        parts.append("--require-reasons")
    if os.name == "nt":  # cmd.exe has neither exec nor POSIX quoting
        return subprocess.list2cmdline(parts)
    return "exec " + " ".join(shlex.quote(part) for part in parts)


class ClassServer(Server):
    def __init__(self, command: str, *, title: str, fixed_scenario: bool, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=TEMPLATES)
        self.fixed_scenario = fixed_scenario
        self.sessions: set[asyncio.Task[Any]] = set()

    async def on_startup(self, app: web.Application) -> None:
        """The command prints its own banner once it is really listening."""

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        font_size = min(max(to_int(request.query.get("fontsize", "16"), 16), 8), 40)
        return aiohttp_jinja2.render_template("index.html", request, {
            "title": self.title, "font_size": font_size, "fixed_scenario": self.fixed_scenario})

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(task)

    async def close_sessions(self, timeout: float) -> None:
        """Ask every game to quit (each decision is already saved) and wait for them a while."""
        tasks = list(self.sessions)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)

    async def make_app(self) -> web.Application:
        return await self._make_app()
