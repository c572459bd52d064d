"""The bundled scenarios check clean; the tools layer stays free of UI libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kremlin_sim.scenario import bundled_paths, load_file
from kremlin_sim.tools.check import check_scenario

EXPECTED = ["peaceful-coexistence", "hungary-1956", "austria-1955"]


@pytest.mark.parametrize("name", sorted(set(EXPECTED) | set(bundled_paths())))
def test_bundled_scenario_checks_clean(name):
    """Every bundled scenario is explored completely and has no defect and no warning."""
    loaded = load_file(bundled_paths()[name])
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    result = check_scenario(loaded.scenario, random_count=200)
    assert result.exploration.complete
    assert [f.format() for f in result.findings] == []


def test_tools_import_no_ui_library():
    code = ("import sys, kremlin_sim.tools.check, kremlin_sim.tools.graph, kremlin_sim.tools.report; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
