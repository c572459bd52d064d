"""`kremlin-sim serve`: check everything a teacher could get wrong, then serve until Ctrl+C.

Every problem is found before the server starts and reported in one line with
exit code 1: a scenario with errors (its diagnostics), a saves folder that
cannot be written, a port in use. While serving, the terminal shows who
started, continued and finished (see monitor.py).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..engine import SaveError, SaveLog, saves_dir, scenario_for_log
from ..scenario.diagnostics import safe_text
from ..scenario.model import Scenario
from . import processes
from .address import Listening, bind_problem, describe_bind_error, lan_address, student_url
from .monitor import SavesMonitor, ending_id, plural

POLL_SECONDS = 2.0
CLOSE_SECONDS = 5.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def show(message: str) -> None:
    print(message, flush=True)


@dataclass
class Plan:
    scenario: Scenario | None
    saves: Path
    listening: Listening
    reveal: str
    require_reasons: bool


def make_plan(args: argparse.Namespace) -> Plan | None:
    """Everything checked before serving; None after saying what is wrong."""
    scenario = None
    if args.scenario:
        from ..cli import require_scenario  # prints each diagnostic on its own line
        scenario = require_scenario(args.scenario)
        if scenario is None:
            say(f"{safe_text(args.scenario, 200)}: cannot be served until these problems are fixed")
            return None
    if not 0 <= args.port <= 65535:
        say(f"--port {args.port}: a port is a number from 1 to 65535, e.g. 8000 (0 picks a free one)")
        return None
    saves = saves_dir(args.saves).absolute()
    try:
        saves.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        say(f"{saves}: cannot create the saves folder: {exc.strerror or exc}")
        return None
    if not os.access(saves, os.W_OK | os.X_OK):
        say(f"{saves}: the saves folder is not writable by this user")
        return None
    problem = bind_problem(args.host, args.port)
    if problem:
        say(problem)
        return None
    return Plan(scenario, saves, Listening(args.host, args.port), args.reveal, bool(args.require_reasons))


def banner(plan: Plan, port: int, find_lan: Callable[[], str | None] = lan_address) -> list[str]:
    settings = f"history shown: {plan.reveal}" + (", reasons required" if plan.require_reasons else "")
    if plan.scenario:
        lines = [f'kremlin-sim serve: "{safe_text(plan.scenario.title, 100)}", {settings}']
    else:
        lines = [f"kremlin-sim serve: the title screen (every bundled scenario); every game is played with "
                 f"{settings}"]
    listening = Listening(plan.listening.host, port)
    address = student_url(listening, find_lan)
    if listening.local_only:
        lines.append(f"Open {address} in a browser on this computer. Only this computer can connect;"
                     " --host 0.0.0.0 opens the game to the class network.")
    elif address:
        lines.append(f"Students open: {address}")
    else:
        lines.append(f"Students open http://<this computer's address>:{port} (no network address was found)")
    lines.append(f"Save logs go to {safe_text(plan.saves, 500)}")
    lines.append("Stop with Ctrl+C. Afterwards, the class report: "
                 f"kremlin-sim debrief {safe_text(plan.saves, 500)}")
    return lines


def network_warning(listening: Listening) -> str | None:
    if listening.local_only:
        return None
    return ("warning: anyone on this network who can reach this computer can open that address and play, "
            "and see the names in the saved games; serve on the class network only during the lesson")


class EndingTitles:
    """The title of the ending a log reached, from its scenario (loaded once per scenario version)."""

    def __init__(self, known: Scenario | None) -> None:
        self.scenarios: dict[tuple[str, str], Scenario | None] = {}
        if known is not None:
            self.scenarios[(known.id, known.content_hash)] = known

    def __call__(self, log: SaveLog) -> str:
        scenario_header = log.header.get("scenario", {})
        key = (log.scenario_id, str(scenario_header.get("hash", "")))
        if key not in self.scenarios:
            try:
                self.scenarios[key] = scenario_for_log(log)
            except SaveError:
                self.scenarios[key] = None
        scenario = self.scenarios[key]
        ending = scenario.ending(ending_id(log)) if scenario else None
        return ending.title if ending else ending_id(log)


def run(args: argparse.Namespace) -> int:
    plan = make_plan(args)
    if plan is None:
        return 1
    if importlib.util.find_spec("textual_serve") is None:
        say("kremlin-sim serve needs the textual-serve package: pip install textual-serve")
        return 1
    return asyncio.run(serve(plan))


async def serve(plan: Plan) -> int:
    from aiohttp import web

    from .server import ClassServer, game_command

    scenario_arg = str(Path(plan.scenario.path).absolute()) if plan.scenario and plan.scenario.path else None
    title = f"kremlin-sim: {plan.scenario.title}" if plan.scenario else "kremlin-sim"
    server = ClassServer(game_command(scenario_arg, plan.saves, plan.reveal, plan.require_reasons),
                         title=title, fixed_scenario=plan.scenario is not None,
                         host=plan.listening.host, port=plan.listening.port)
    runner = web.AppRunner(await server.make_app(), handle_signals=False, access_log=None,
                           shutdown_timeout=CLOSE_SECONDS)
    await runner.setup()
    try:
        site = web.TCPSite(runner, plan.listening.host or None, plan.listening.port)
        try:
            await site.start()
        except OSError as exc:  # taken in the moment since the check
            say(describe_bind_error(exc, plan.listening.host, plan.listening.port))
            return 1
        port = runner.addresses[0][1] if runner.addresses else plan.listening.port
        for line in banner(plan, port):
            show(line)
        warning = network_warning(plan.listening)
        if warning:
            say(warning)
        monitor = SavesMonitor(plan.saves, EndingTitles(plan.scenario))
        monitor.baseline()
        await watch(monitor, server)
        show(f"stopping: {monitor.summary()}")
    finally:
        await server.close_sessions(CLOSE_SECONDS)
        await runner.cleanup()
        stop_stragglers()
    show(f"Save logs are in {safe_text(plan.saves, 500)}")
    return 0


async def watch(monitor: SavesMonitor, server) -> None:
    """Print the monitor's news until Ctrl+C, SIGTERM or the terminal window closing (SIGHUP)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            try:
                loop.add_signal_handler(getattr(signal, name), stop.set)
            except NotImplementedError:  # Windows: Ctrl+C arrives as KeyboardInterrupt instead
                pass
    tabs = 0
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), POLL_SECONDS)
        except asyncio.TimeoutError:
            pass
        news = await asyncio.to_thread(monitor.poll)
        if news or len(server.sessions) != tabs:
            tabs = len(server.sessions)
            stamp = time.strftime("%H:%M:%S")
            for line in news:
                show(f"{stamp}  {line}")
            show(f"{stamp}  {monitor.summary()}, {plural(tabs, 'browser tab')} open")


def stop_stragglers() -> None:
    """A game that did not quit when asked is ended: its decisions are saved already."""
    for pid in processes.children(os.getpid()):
        if processes.is_game(pid):
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
