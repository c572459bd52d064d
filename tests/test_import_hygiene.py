"""The core layers never import a UI library: checked in a fresh interpreter."""

from __future__ import annotations

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
