"""Keeping Python's cycle collector away from what lives as long as the program.

When the app is built, a few hundred thousand objects exist that will live
until exit: the modules of Textual, Rich and ours, and the scenario. Every full
collection walks all of them. One fell inside the first paint (20-60 ms on the
test machine) and more came during play. `gc.freeze()` moves what exists now
out of the collector's sight, as CPython's documentation suggests for objects
made at start-up; anything made later is collected as before.

Once per process: a second app in the same process (the tests) must not pin
the first one's leftovers.

A main screen that has been replaced is garbage the collector must find: its
widgets refer to each other both ways (parent and children, styles, message
pumps), so reference counting never frees them. Left to itself, the collector
got round to it about once a decision, when two to four dead screens lay in
memory; that was 1.5 MiB of the peak of a playthrough (issue 8, figure 6).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

_frozen = False


def freeze_startup_objects() -> None:
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def collect_after_refresh(app: "App") -> None:
    """Free a replaced screen after the new one's first paint: the player sees it before the collection
    (35-70 ms on the 2-core test machine) runs. Only main screens: a closing window is small."""
    app.call_after_refresh(gc.collect)
