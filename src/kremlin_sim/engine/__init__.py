"""The game engine: rules, the transitions machine, history, save logs, replay.

Pure Python; imports the scenario layer, never a UI library.
"""

from .game import Game, Step
from .history import PathPoint, historical_path
from .replay import Verdict, replay, scenario_for_log
from .rules import MeterChange, Option, Outcome, RuleError, Rules, State
from .savelog import SaveError, SaveLog, find_logs, read_log, saves_dir
from .session import REVEAL_MODES, ResumeError, Session, autoplay

__all__ = [
    "Game", "MeterChange", "Option", "Outcome", "PathPoint", "REVEAL_MODES", "ResumeError", "RuleError", "Rules",
    "SaveError", "SaveLog", "Session", "State", "Step", "Verdict", "autoplay", "find_logs", "historical_path",
    "read_log", "replay", "saves_dir", "scenario_for_log",
]
