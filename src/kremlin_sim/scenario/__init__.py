"""The scenario format: model, YAML loading with positions, conditions, checks, schema.

Imports only the standard library and PyYAML, never a UI library.
"""

from .bundled import CAMPAIGN, bundled_paths, resolve
from .diagnostics import Diagnostic
from .loader import LoadResult, load_file, load_text
from .model import Branch, Choice, Decision, Effect, Ending, History, Meter, Scenario

__all__ = [
    "CAMPAIGN", "Branch", "Choice", "Decision", "Diagnostic", "Effect", "Ending", "History", "LoadResult",
    "Meter", "Scenario", "bundled_paths", "load_file", "load_text", "resolve",
]
