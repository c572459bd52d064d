"""The game engine: rules, the transitions machine, history, save logs, replay.

Pure Python; imports the scenario layer, never a UI library.

Each name below is imported from its module when first used (PEP 562), not
with the package: `from kremlin_sim.engine import SaveError`, as the app does
at start, then loads no replay and no historical path, which only resuming, the
ending and the debrief need. (The module that replays logs is `replaying`,
not `replay`: importing a module `replay` would set the package's `replay`,
the function, to the module.)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .game import Game, Step
    from .history import PathPoint, historical_path
    from .replaying import Verdict, replay, scenario_for_log
    from .rules import MeterChange, Option, Outcome, RuleError, Rules, State
    from .savelog import SaveError, SaveLog, find_logs, read_log, saves_dir
    from .session import REVEAL_MODES, ResumeError, Session, autoplay

_MODULES = {
    "game": ("Game", "Step"),
    "history": ("PathPoint", "historical_path"),
    "replaying": ("Verdict", "replay", "scenario_for_log"),
    "rules": ("MeterChange", "Option", "Outcome", "RuleError", "Rules", "State"),
    "savelog": ("SaveError", "SaveLog", "find_logs", "read_log", "saves_dir"),
    "session": ("REVEAL_MODES", "ResumeError", "Session", "autoplay"),
}
_MODULE_OF = {name: module for module, names in _MODULES.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
