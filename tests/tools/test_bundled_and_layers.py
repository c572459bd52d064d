"""The bundled scenarios check clean; the tools layer stays free of UI libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kremlin_sim.scenario import bundled_paths, load_file
from kremlin_sim.tools.check import check_scenario

EXPECTED = ["peaceful-coexistence", "hungary-1956", "austria-1955"]
TEST_CAP = 200_000  # enough for a scenario whose effects merge; the full cap is for authors


@pytest.mark.parametrize("name", sorted(set(EXPECTED) | set(bundled_paths())))
def test_bundled_scenario_checks_clean(name):
    path = bundled_paths().get(name)
    if path is None:
        pytest.skip(f"scenarios/{name}.yaml does not exist yet")
    loaded = load_file(path)
    if not loaded.ok:
        pytest.skip(f"{name} does not load yet: {loaded.errors[0].format()}")
    result = check_scenario(loaded.scenario, random_count=200, max_states=TEST_CAP)
    assert [f.format() for f in result.errors if f.kind != "too-many-states"] == []
    if not result.exploration.complete:
        pytest.xfail(f"{name} has more than {TEST_CAP:,} distinct states: no defect in the first "
                     f"{result.exploration.complete_depth()} decisions of every game, but the exhaustive check cannot finish")


def test_tools_import_no_ui_library():
    code = ("import sys, kremlin_sim.tools.check, kremlin_sim.tools.graph, kremlin_sim.tools.report; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
