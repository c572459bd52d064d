"""Figure 1 counted in instructions (valgrind's cachegrind), not timed: steady on a shared, noisy machine.

    python bench/startup_instructions.py            # ours against the bare app
    python bench/startup_instructions.py --parts    # and where ours goes: imports, loading, the app

Runs `tui_probe.py startup` and `bare_app.py startup` (the two sides of figure
1) under cachegrind, with the same hash seed each time, and prints the
instructions of each and their ratio. With --parts it also counts a process
that only imports what the probe imports (Textual's and ours), and one that
also loads the campaign, so the difference between the two sides can be split
into imports, loading and running the app.

Instructions leave out what the kernel does (starting the interpreter, page
faults, reading files), which weighs the same on both sides: the timed ratio
of figure 1 is therefore smaller than this one. A change that removes
instructions here removes time there; this count only says so without the
noise of the machine. It compiles kremlin_sim to bytecode first, as run.py does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

IMPORTS = """
import sys
sys.path.insert(0, {here!r})
import tui_probe
from kremlin_sim.scenario import CAMPAIGN, load_file, resolve
from kremlin_sim.tui.app import build_app
from kremlin_sim.tui.options import AppOptions
import kremlin_sim.tui.screens.decision
if {load!r}:
    load_file(resolve(CAMPAIGN))
"""


def instructions(*args: str) -> int:
    run = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         os.path.realpath(sys.executable), *args],
        capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})  # same hashes each run
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if run.returncode != 0 or found is None:
        raise SystemExit(f"{args[0]} failed under valgrind:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    from run import compile_like_an_install

    compile_like_an_install()
    base = instructions(str(HERE / "bare_app.py"), "startup")
    ours = instructions(str(HERE / "tui_probe.py"), "startup")
    print(f"bare app {base / 1e6:,.0f} M instructions, kremlin-sim {ours / 1e6:,.0f} M, ratio {ours / base:.3f}x")
    if "--parts" in sys.argv:
        imported = instructions("-c", IMPORTS.format(here=str(HERE), load=False))
        loaded = instructions("-c", IMPORTS.format(here=str(HERE), load=True))
        textual = instructions("-c", "import asyncio, json, statistics, tempfile, textual.app")
        print(f"  Python, Textual and the probe's own imports {textual / 1e6:,.0f} M")
        print(f"  + kremlin_sim's imports (and the Textual widgets they import) {(imported - textual) / 1e6:,.0f} M")
        print(f"  + loading the campaign {(loaded - imported) / 1e6:,.0f} M")
        print(f"  + running the app to the first decision {(ours - loaded) / 1e6:,.0f} M"
              f" (the bare app runs in {(base - textual) / 1e6:,.0f} M)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
