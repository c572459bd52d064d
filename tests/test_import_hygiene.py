"""The core layers never import a UI library: checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE = ["kremlin_sim.scenario", "kremlin_sim.engine", "kremlin_sim.debrief", "kremlin_sim.tools", "kremlin_sim.cli"]


@pytest.mark.parametrize("module", CORE)
def test_core_layer_imports_no_ui(module):
    code = (
        "import importlib, pkgutil, sys\n"
        f"package = importlib.import_module({module!r})\n"
        "for info in pkgutil.walk_packages(getattr(package, '__path__', []), package.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def loaded_by_a_new_game(tmp_path, modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded once a new game of the campaign offers its first choices."""
    code = (
        "import json, sys\n"
        "from kremlin_sim.scenario import CAMPAIGN, load_file, resolve\n"
        "from kremlin_sim.tui.play import Play\n"
        "scenario = load_file(resolve(CAMPAIGN)).scenario\n"
        f"Play.start(scenario, __import__('pathlib').Path({str(tmp_path)!r}), 'Ada').game.options()\n"
        f"print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_loading_and_starting_a_game_leaves_openssl_alone(tmp_path):
    """hashlib and secrets load OpenSSL's digests: 0.6 MiB resident that a game does not need (issue 8, figure 6)."""
    assert loaded_by_a_new_game(tmp_path, ("_hashlib", "hashlib", "hmac", "secrets")) == []


def test_starting_a_game_leaves_replay_the_historical_path_and_the_state_machine_unloaded(tmp_path):
    """Only resuming replays a log, only the ending follows history and only a choice needs the transitions
    machine: a new game shows its first decision without them (issue 8)."""
    modules = ("kremlin_sim.engine.replaying", "kremlin_sim.engine.history", "transitions")
    assert loaded_by_a_new_game(tmp_path, modules) == []
