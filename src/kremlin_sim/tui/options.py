"""What the app is asked to do, as plain data: built from the command line,
by the tests, or (later) by the browser server."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..scenario.frozen import frozen_dataclass
from ..scenario.model import Scenario

DARK, LIGHT = "textual-dark", "textual-light"


def _bundled() -> dict[str, Path]:
    from ..scenario import bundled_paths
    return bundled_paths()


@frozen_dataclass
class GameSettings:
    """What the new-game window asks: the player's name and the teacher's choices."""

    name: str
    reveal: str
    require_reasons: bool


@dataclass
class AppOptions:
    scenario: Scenario | None = None       # already loaded and valid: skip the title screen
    name: str | None = None
    reveal: str = "each"
    require_reasons: bool = False
    saves: Path = Path("saves")
    resume: Path | None = None             # a save log to continue
    preview: bool = False                  # teacher preview: jump anywhere, exact effects, not saved
    classroom: bool = False                # served to browsers: no files, the teacher's settings, games by name
    theme: str = DARK
    cursor_blink: bool = True              # tests and snapshots turn it off
    bundled: Callable[[], dict[str, Path]] = field(default=_bundled)  # scenarios offered on the title screen
