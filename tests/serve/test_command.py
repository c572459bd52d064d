"""`kremlin-sim serve` as a teacher meets it: problems before serving, the banner, the page, stopping."""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kremlin_sim.scenario import load_file
from kremlin_sim.serve import address, processes
from kremlin_sim.serve.address import Listening, bind_problem, lan_address, student_url
from kremlin_sim.serve.command import Plan, banner, network_warning
from serve.harness import TEMPLATE, served, wait_until


def serve(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kremlin_sim", "serve", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60)


def one_problem(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr and result.stdout == ""   # nothing was served
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def busy_port():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


# -- problems are found before serving -------------------------------------------------------------

def test_a_scenario_with_errors_prints_its_diagnostics_and_is_not_served(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(TEMPLATE.read_text(encoding="utf-8").replace("next: handover", "next: handovr"))
    result = serve(str(bad), "--port", "0", "--saves", str(tmp_path / "saves"))
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith(f"{bad}:") and ": error KS201: " in line for line in lines)
    assert lines[-1] == f"{bad}: cannot be served until these problems are fixed"


def test_a_port_in_use_is_one_clear_line(tmp_path, busy_port):
    line = one_problem(serve(str(TEMPLATE), "--port", str(busy_port), "--saves", str(tmp_path)))
    assert line == f"port {busy_port} is already in use on 127.0.0.1: stop the other server or choose another with --port"


@pytest.mark.parametrize("options, expected", [
    (["--port", "70000"], "--port 70000: a port is a number from 1 to 65535, e.g. 8000 (0 picks a free one)"),
    (["--host", "no such host.invalid"], "--host no such host.invalid: not an address or name this machine knows"),
])
def test_impossible_addresses_are_one_clear_line(tmp_path, options, expected):
    assert one_problem(serve(str(TEMPLATE), *options, "--saves", str(tmp_path))) == expected


def test_a_saves_folder_that_is_a_file_is_one_clear_line(tmp_path):
    (tmp_path / "saves").write_text("")
    line = one_problem(serve(str(TEMPLATE), "--port", "0", "--saves", str(tmp_path / "saves")))
    assert line.startswith(f"{tmp_path / 'saves'}: cannot create the saves folder")


def test_bind_problem_knows_a_free_port_from_a_taken_one(busy_port):
    assert bind_problem("127.0.0.1", 0) is None
    assert "already in use" in bind_problem("127.0.0.1", busy_port)


# -- what the teacher is told ---------------------------------------------------------------------

def plan(host: str, tmp_path: Path) -> Plan:
    return Plan(load_file(TEMPLATE).scenario, tmp_path, Listening(host, 8000), "end", True)


def test_the_local_banner_says_only_this_computer_can_connect(tmp_path):
    lines = banner(plan("127.0.0.1", tmp_path), 8123, find_lan=lambda: pytest.fail("no need to look"))
    assert lines[0] == ('kremlin-sim serve: "Porkkala, 1955: keep the base or give it back?", '
                        "history shown: end, reasons required")
    assert lines[1].startswith("Open http://127.0.0.1:8123 in a browser on this computer. Only this computer")
    assert f"Save logs go to {tmp_path}" in lines
    assert lines[-1].endswith(f"kremlin-sim debrief {tmp_path}")
    assert network_warning(Listening("127.0.0.1", 8123)) is None


def test_the_class_network_banner_gives_the_address_to_type_and_warns(tmp_path):
    lines = banner(plan("0.0.0.0", tmp_path), 8000, find_lan=lambda: "192.0.2.7")  # documentation address
    assert "Students open: http://192.0.2.7:8000" in lines
    assert "anyone on this network" in network_warning(Listening("0.0.0.0", 8000))
    unknown = banner(plan("0.0.0.0", tmp_path), 8000, find_lan=lambda: None)
    assert "Students open http://<this computer's address>:8000 (no network address was found)" in unknown


def test_lan_address_skips_loopback_and_failures():
    def broken() -> str:
        raise OSError("no route")
    assert lan_address((broken, lambda: "127.0.1.1", lambda: "192.0.2.7")) == "192.0.2.7"
    assert lan_address((broken, lambda: "127.0.0.1")) is None
    assert student_url(Listening("::", 8000), lambda: "2001:db8::7") == "http://[2001:db8::7]:8000"
    assert student_url(Listening("192.0.2.7", 80), lambda: None) == "http://192.0.2.7:80"
    assert Listening("localhost", 1).local_only and Listening("::1", 1).local_only
    assert not Listening("0.0.0.0", 1).local_only and Listening("0.0.0.0", 1).everywhere


def test_the_route_probe_sends_nothing(monkeypatch):
    """UDP connect only asks the routing table; no datagram is written."""
    calls = []

    class Probe:
        def __init__(self, *args):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

        def connect(self, target):
            calls.append(("connect", target))

        def getsockname(self):
            return ("192.0.2.7", 40000)

        def __getattr__(self, name):  # send, sendto, …
            calls.append((name, None))
            raise AssertionError(f"the probe must not {name}")

    monkeypatch.setattr(address.socket, "socket", Probe)
    assert lan_address() == "192.0.2.7"
    assert calls == [("connect", address.ROUTE_PROBE)]


# -- the command each tab runs --------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(saves=ANY_TEXT, scenario=ANY_TEXT)
def test_every_part_of_the_game_command_survives_the_shell(saves, scenario):
    """Run through a real /bin/sh, with printf in place of Python, each word arrives intact."""
    from kremlin_sim.serve.server import game_command
    folder = Path("/") / saves.replace("/", "_")
    command = game_command(scenario, folder, "never", True)
    program = "exec " + shlex.quote(sys.executable)
    assert command.startswith(program + " ")
    echoed = subprocess.run(["/bin/sh", "-c", "printf '%s\\0'" + command[len(program):]],
                            capture_output=True, check=True).stdout
    assert echoed.decode().split("\0")[:-1] == ["-m", "kremlin_sim", "play", scenario, "--classroom", "--saves", str(folder),
                                                 "--reveal", "never", "--require-reasons"]


def test_the_game_command_saves_to_an_absolute_folder(tmp_path, monkeypatch):
    from kremlin_sim.serve.server import game_command
    monkeypatch.chdir(tmp_path)
    words = shlex.split(game_command(None, Path("saves"), "each", False))
    assert words[4:] == ["play", "--classroom", "--saves", str(tmp_path / "saves"), "--reveal", "each"]


# -- the page -------------------------------------------------------------------------------------

async def test_the_page_escapes_the_title_and_loads_nothing_from_elsewhere():
    from aiohttp.test_utils import TestClient, TestServer

    from kremlin_sim.serve.server import ClassServer
    server = ClassServer("exit 1", title='A </title><script>alert("x")</script>', fixed_scenario=True,
                         host="127.0.0.1", port=0)
    async with TestClient(TestServer(await server.make_app(), host="127.0.0.1")) as client:
        response = await client.get("/?fontsize=999")
        page = await response.text()
        assert response.status == 200
        assert "<script>alert" not in page and "&lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)" in page
        assert 'data-font-size="40"' in page
        assert "http" not in page.replace('"https:"', "")        # every URL is relative to this server
        assert "press Esc at the name prompt" in page
        assert (await client.get("/static/js/textual.js")).status == 200


# -- stopping -------------------------------------------------------------------------------------

def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts processes through /proc (Linux)")
def test_sigterm_closes_every_game_and_exits_cleanly(tmp_path):
    aiohttp = pytest.importorskip("aiohttp")
    from serve.harness import close_players, logs, start_games

    saves = tmp_path / "saves"
    with served(saves) as server:
        url = server.url

        async def two_tabs_then_stop() -> list[int]:
            async with aiohttp.ClientSession() as session:
                players = await start_games(url, 2, session, 120)
                await asyncio.to_thread(wait_until, lambda: len(logs(saves)) == 2, 60, "2 save logs")
                games = [pid for pid in processes.children(server.pid) if processes.is_game(pid)]
                os.kill(server.pid, signal.SIGTERM)          # the server alone: it must end its games itself
                await asyncio.to_thread(server.process.wait, 30)
                await close_players(players)
                return games

        games = asyncio.run(two_tabs_then_stop())
        assert len(games) == 2 and server.process.returncode == 0
        wait_until(lambda: not any(map(alive, games)), 30, "the games to end with the server")
        server.wait_for_line(r"^stopping: 2 playing, 0 finished$", 10)


def test_without_a_scenario_each_tab_opens_the_title_screen(tmp_path):
    aiohttp = pytest.importorskip("aiohttp")
    from serve.harness import close_players, open_players

    with served(tmp_path / "saves", scenario=None) as server:
        url = server.url
        assert "the title screen (every bundled scenario)" in server.text

        async def one_tab() -> None:
            async with aiohttp.ClientSession() as session:
                [player] = await open_players(url, 1, session)
                await player.wait_for("Continue a game", time.monotonic() + 120)
                await close_players([player])

        asyncio.run(one_tab())
