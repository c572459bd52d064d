"""Check located YAML data against the declared format.

Reports wrong types, missing and unknown keys (with suggestions) and bad ids,
and returns the data with every invalid value removed, so that later checks
can go on and report *their* problems in the same run.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .diagnostics import Diagnostic, did_you_mean, safe_text
from .spec import (DATE_PATTERN, ID_PATTERN, MAX_ID, MAX_LINE, MAX_TEXT, SCENARIO_ID_PATTERN,
                   ListOf, MapOf, OneOf, Scalar, Struct)
from .yaml_source import LDict, LList, Pos

_ID = re.compile(ID_PATTERN)
_SCENARIO_ID = re.compile(SCENARIO_ID_PATTERN)
_DATE = re.compile(DATE_PATTERN)

_KIND_NAMES = {
    "id": "an id", "scenario_id": "an id", "line": "text", "text": "text", "int": "a whole number",
    "bool": "true or false", "date": "a date", "condition": "a condition",
}


def _describe(value: Any) -> str:
    if isinstance(value, LDict):
        return "a mapping"
    if isinstance(value, LList):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"


class StructureChecker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Diagnostic] = []

    def _problem(self, code: str, message: str, pos: Pos) -> None:
        self.problems.append(Diagnostic(code, message, self.path, pos[0], pos[1]))

    def check(self, value: Any, spec: Any, pos: Pos, where: str) -> Any:
        """Return the cleaned value, or None when it is unusable (already reported)."""
        if isinstance(spec, Struct):
            return self._struct(value, spec, pos, where)
        if isinstance(spec, ListOf):
            return self._list(value, spec, pos, where)
        if isinstance(spec, MapOf):
            return self._map(value, spec, pos, where)
        if isinstance(spec, OneOf):
            return self._one_of(value, spec, pos, where)
        return self._scalar(value, spec, pos, where)

    def _struct(self, value: Any, spec: Struct, pos: Pos, where: str) -> LDict | None:
        if not isinstance(value, LDict):
            self._problem("KS100", f"{where} should be a mapping of keys to values, not {_describe(value)}", pos)
            return None
        out = LDict()
        out.pos = value.pos
        known = [f.name for f in spec.fields]
        for key in value:
            if spec.field(key) is None:
                self._problem("KS102", f'unknown key "{safe_text(key)}" in {where}{did_you_mean(key, known)}', value.key_pos[key])
        for f in spec.fields:
            if f.name not in value:
                if f.required:
                    self._problem("KS101", f'{where} is missing the required key "{f.name}"', value.pos)
                continue
            cleaned = self.check(value[f.name], f.type, value.at(f.name), f'"{f.name}"')
            if cleaned is not None:
                out[f.name] = cleaned
                out.key_pos[f.name] = value.key_pos[f.name]
                out.value_pos[f.name] = value.at(f.name)
        return out

    def _list(self, value: Any, spec: ListOf, pos: Pos, where: str) -> LList | None:
        if not isinstance(value, LList):
            self._problem("KS100", f"{where} should be a list (items starting with -), not {_describe(value)}", pos)
            return None
        if len(value) < spec.min_items:
            self._problem("KS107", f"{where} needs at least {spec.min_items} item{'s' if spec.min_items > 1 else ''}", pos)
        if spec.max_items is not None and len(value) > spec.max_items:
            self._problem("KS107", f"{where} may have at most {spec.max_items} items, not {len(value)}", value.at(spec.max_items))
        out = LList()
        out.pos = value.pos
        for index, item in enumerate(value):
            cleaned = self.check(item, spec.item, value.at(index), f"item {index + 1} of {where}")
            if cleaned is not None:
                out.append(cleaned)
                out.item_pos.append(value.at(index))
        return out

    def _map(self, value: Any, spec: MapOf, pos: Pos, where: str) -> LDict | None:
        if not isinstance(value, LDict):
            self._problem("KS100", f"{where} should be a mapping of meter ids to changes, not {_describe(value)}", pos)
            return None
        out = LDict()
        out.pos = value.pos
        for key, item in value.items():
            cleaned = self.check(item, spec.value, value.at(key), f'"{safe_text(key)}" in {where}')
            if cleaned is not None:
                out[key] = cleaned
                out.key_pos[key] = value.key_pos[key]
                out.value_pos[key] = value.at(key)
        return out

    def _one_of(self, value: Any, spec: OneOf, pos: Pos, where: str) -> Any:
        for option in spec.options:
            if isinstance(option, ListOf) and isinstance(value, LList):
                return self._list(value, option, pos, where)
            if isinstance(option, Scalar) and not isinstance(value, (LDict, LList)):
                return self._scalar(value, option, pos, where)
        self._problem("KS100", f"{where} should be {spec.doc[0].lower() + spec.doc[1:].rstrip('.')}", pos)
        return None

    def _scalar(self, value: Any, spec: Scalar, pos: Pos, where: str) -> Any:
        kind = spec.kind
        expected = _KIND_NAMES[kind]
        if kind == "int":
            if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
                self._problem("KS100", f"{where} must be a whole number, not {safe_text(value)}", pos)
                return None
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self._problem("KS100", f"{where} should be {expected}, not {_describe(value)}", pos)
                return None
            value = int(value)
            low = -1_000_000 if spec.minimum is None else spec.minimum
            high = 1_000_000 if spec.maximum is None else spec.maximum
            if not low <= value <= high:
                if where == '"format"':
                    self._problem("KS104", f'"format" must be 1 (this program reads format 1 only), not {safe_text(value)}', pos)
                else:
                    self._problem("KS106", f"{where} must be between {low} and {high}, not {safe_text(value)}", pos)
                return None
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                self._problem("KS100", f"{where} should be true or false, not {_describe(value)}", pos)
                return None
            return value
        if isinstance(value, (LDict, LList)) or value is None or isinstance(value, bool):
            self._problem("KS100", f"{where} should be {expected}, not {_describe(value)}", pos)
            return None
        text = str(value)
        if kind in ("id", "scenario_id"):
            pattern = _ID if kind == "id" else _SCENARIO_ID
            if len(text) > MAX_ID or not pattern.match(text):
                rule = "lowercase letters, digits and _, starting with a letter" if kind == "id" else "lowercase letters, digits, - and _"
                self._problem("KS103", f'{where}: "{safe_text(text)}" is not a valid id (use {rule}, at most {MAX_ID} characters)', pos)
                return None
        elif kind == "date":
            if not _DATE.match(text) or not _valid_date(text):
                self._problem("KS105", f'{where}: "{safe_text(text)}" is not a date; write it as "YYYY-MM-DD", "YYYY-MM" or "YYYY" in quotes', pos)
                return None
        elif kind == "line":
            if "\n" in text.strip() or len(text) > MAX_LINE:
                self._problem("KS100", f"{where} should be one line of at most {MAX_LINE} characters", pos)
                return None
            text = text.strip()
        elif kind == "text" and len(text) > MAX_TEXT:
            self._problem("KS100", f"{where} is longer than {MAX_TEXT} characters; split it up", pos)
            return None
        return text


def _valid_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) > 2:
        import calendar
        return 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]
    return True
