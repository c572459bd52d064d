"""Keeping Python's cycle collector away from what lives as long as the program.

When the app is built, a few hundred thousand objects exist that will live
until exit: the modules of Textual, Rich and ours, and the scenario. Every full
collection walks all of them. One fell inside the first paint (20-60 ms on the
test machine) and more came during play. `gc.freeze()` moves what exists now
out of the collector's sight, as CPython's documentation suggests for objects
made at start-up; anything made later is collected as before.

Once per process: a second app in the same process (the tests) must not pin
the first one's leftovers.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_startup_objects() -> None:
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True
