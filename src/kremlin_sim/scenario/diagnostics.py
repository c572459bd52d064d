"""Problems found in a scenario, as data: every check reports, none raises.

Codes never change meaning once published; `docs/authoring.md` explains each.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Iterable

from .frozen import frozen_dataclass

ERROR = "error"
WARNING = "warning"

# Code -> one-line summary. The long explanation and the fix live in docs/authoring.md.
CODES: dict[str, str] = {
    "KS001": "the file cannot be read",
    "KS002": "the file is too large",
    "KS003": "the file is not UTF-8 text",
    "KS004": "the file is empty",
    "KS005": "YAML syntax error",
    "KS006": "YAML tags are not allowed",
    "KS007": "too deeply nested",
    "KS008": "too many aliases",
    "KS009": "duplicate key",
    "KS010": "keys must be plain text",
    "KS100": "wrong type",
    "KS101": "missing required field",
    "KS102": "unknown key",
    "KS103": "invalid id",
    "KS104": "unsupported format version",
    "KS105": "invalid date",
    "KS106": "value out of range",
    "KS107": "list too short or too long",
    "KS200": "duplicate id",
    "KS201": "unknown decision point or ending",
    "KS202": "unknown meter",
    "KS203": "unknown flag",
    "KS204": "unknown choice",
    "KS205": "a meter and a flag share an id",
    "KS210": "impossible meter range",
    "KS211": "start value outside the meter's range",
    "KS220": "condition does not parse",
    "KS221": "condition compares a flag or tests a meter as a flag",
    "KS230": "unreachable decision point",
    "KS231": "no ending can be reached from here",
    "KS232": "a story ending that nothing leads to",
    "KS233": "a branch list whose last branch has an `if`",
    "KS234": "historical record names no choice",
    "KS235": "every choice has a condition",
    "KS236": "a hidden choice with no condition",
    "KS240": "decision points out of date order",
    "KS241": "a flag that is never set",
    "KS242": "an effect of zero",
}


@frozen_dataclass
class Diagnostic:
    code: str
    message: str
    path: str
    line: int = 0
    column: int = 0
    severity: str = ERROR

    def format(self) -> str:
        """One line, as compilers print them: `path:line:col: error KS123: message`.

        Made printable here, whatever the checks put in: a message may quote
        untrusted text (a character a condition could not parse, a file name)."""
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column}"
        line = f"{where}: {self.severity} {self.code}: {self.message}"
        return safe_text(line, len(line))

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A suffix like ` (did you mean "tension"?)`, or "" when nothing is close."""
    matches = get_close_matches(str(word), sorted(set(candidates)), n=1, cutoff=0.6)
    return f' (did you mean "{matches[0]}"?)' if matches else ""


def safe_text(value: object, limit: int = 60) -> str:
    """Untrusted text made printable in one short line: control and escape
    characters become visible escapes so nothing reaches the terminal raw."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    out = []
    for ch in text:
        code = ord(ch)
        if code < 32 or code == 127 or 0x80 <= code < 0xA0 or ch in "\u2028\u2029\u200b\u202e\u2066\u2067\u2068\u2069":
            out.append(f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
