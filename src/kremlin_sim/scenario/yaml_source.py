"""Turn YAML text into plain Python data that remembers where each value came from.

We never let PyYAML construct objects: we compose the node graph (safe, and
with the C parser when present) and convert nodes ourselves, so that tags
such as `!!python/object` are refused, aliases are counted (an alias bomb
costs us nothing), nesting depth is bounded, duplicate keys are reported, and
every mapping and sequence carries the line and column of its items.
"""

from __future__ import annotations

import math
from typing import Any

import yaml

from .diagnostics import Diagnostic, safe_text

try:  # the C composer is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
# Nodes visited, counting every alias expansion: far above any real scenario
# (the 8,000-decision benchmark file has about 400,000), far below a bomb.
MAX_NODES = 2_000_000

Pos = tuple[int, int]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class LDict(dict):
    """A mapping with the source position of itself, its keys and its values."""

    pos: Pos = (0, 0)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}

    def at(self, key: str) -> Pos:
        return self.value_pos.get(key, self.pos)


class LList(list):
    """A sequence with the source position of itself and of each item."""

    pos: Pos = (0, 0)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_pos: list[Pos] = []

    def at(self, index: int) -> Pos:
        return self.item_pos[index] if index < len(self.item_pos) else self.pos


class _Stop(Exception):
    """Raised to abandon conversion after a fatal problem (bomb, depth)."""


def _pos(node: yaml.Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _content_pos(node: yaml.Node) -> Pos:
    """Where a value's text starts: inside the quotes of a quoted scalar, so that
    an offset into a condition string lands on the right column."""
    line, column = _pos(node)
    quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
    return (line, column + 1) if quoted else (line, column)


def decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text, refusing what is not a scenario before YAML sees it."""

    def fail(code: str, message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(code, message, path)]

    if len(raw) > MAX_BYTES:
        return fail("KS002", f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB, the most a scenario may be")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16/32 byte-order mark: not binary, just the wrong encoding
        return fail("KS003", 'the file is saved as UTF-16 or UTF-32 ("Unicode" in Windows Notepad); save it as UTF-8 in your editor')
    if b"\x00" in raw[:8192]:
        return fail("KS003", "this looks like a binary file, not a YAML scenario")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark is harmless; some Windows editors add one
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Diagnostic("KS003", "the file is not UTF-8 text; save it as UTF-8 in your editor", path, line, 1)]
    if not text.strip():
        return fail("KS004", "the file is empty")
    return text, []


def parse(text: str, path: str) -> tuple[Any, list[Diagnostic]]:
    """YAML text to located data; on failure, (None, diagnostics)."""
    try:
        too_deep = _too_deep(text, path)
        if too_deep is not None:
            return None, [too_deep]
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        hint = ""
        if "\t" in text and ("tab" in problem or "found character" in problem):
            hint = "; YAML does not allow tabs for indentation, use spaces"
        return None, [Diagnostic("KS005", f"YAML syntax error: {problem}{hint}", path, line, col)]
    except yaml.reader.ReaderError as exc:
        # Its position counts bytes or characters depending on the parser, so find the character itself:
        # the reader stops at the first one, and a line number is what an author needs.
        offset = max(text.find(chr(exc.character)), 0) if isinstance(exc.character, int) else 0
        line = text.count("\n", 0, offset) + 1
        column = offset - text.rfind("\n", 0, offset)
        return None, [Diagnostic("KS005", f"YAML syntax error: the character #x{exc.character or 0:04x} is not allowed in YAML; "
                                 "delete it (it often comes with text pasted from another program)", path, line, column)]
    except yaml.YAMLError as exc:
        return None, [Diagnostic("KS005", f"YAML syntax error: {safe_text(exc, 120)}", path)]
    except RecursionError:
        return None, [Diagnostic("KS007", f"the file is nested too deeply (more than {MAX_DEPTH} levels)", path)]
    if root is None:
        return None, [Diagnostic("KS004", "the file has no content (only comments or blank lines)", path)]
    if _expanded_size(root, 0, {}) > MAX_NODES:
        line, column = _pos(root)
        return None, [Diagnostic("KS008", "the file expands to too many values (an alias bomb?); avoid many nested & and * aliases",
                                 path, line, column)]
    converter = _Converter(path)
    try:
        data = converter.convert(root, 0)
    except _Stop:
        return None, converter.problems
    except RecursionError:
        return None, [Diagnostic("KS007", f"the file is nested too deeply (more than {MAX_DEPTH} levels)", path)]
    return data, converter.problems


# libyaml's composer recurses once per level of nesting and overflows the C stack some 30,000
# levels down: the process dies of a segfault, with no message (an 80 KB file of brackets is
# enough). Its parser keeps its own stack, so when a text could be that deep we walk its events
# first and stop at the first level too deep. Below this many nesting marks it cannot be, and
# block mappings alone cannot get there within MAX_BYTES (level n needs n spaces of indent).
_CHEAP_NESTING = 5_000
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _too_deep(text: str, path: str) -> Diagnostic | None:
    if sum(text.count(mark) for mark in "[{-?") <= _CHEAP_NESTING:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH + 1:  # what the converter would refuse, found before the composer recurses
                return Diagnostic("KS007", f"the file is nested too deeply (more than {MAX_DEPTH} levels)", path, *_pos(event))
        elif isinstance(event, _CLOSE):
            depth -= 1
    return None


def _expanded_size(node: yaml.Node, depth: int, sizes: dict[int, int]) -> int:
    """How many values the node stands for once every alias is expanded, found without
    expanding: each distinct node is sized once, so a bomb is refused at once instead of
    after two million conversions. Below MAX_DEPTH the converter reports the depth instead."""
    if id(node) in sizes:
        return sizes[id(node)]
    if depth > MAX_DEPTH:
        return 1
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    size = 1
    for child in children:
        size += _expanded_size(child, depth + 1, sizes)
        if size > MAX_NODES:
            break
    sizes[id(node)] = size
    return size


class _Converter:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Diagnostic] = []
        self.visited = 0
        self._constructor = yaml.constructor.SafeConstructor()

    def _problem(self, code: str, message: str, node: yaml.Node) -> None:
        self.problems.append(Diagnostic(code, message, self.path, *_pos(node)))

    def convert(self, node: yaml.Node, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            self._problem("KS008", "the file expands to too many values (an alias bomb?); avoid many nested & and * aliases", node)
            raise _Stop
        if depth > MAX_DEPTH:
            self._problem("KS007", f"the file is nested too deeply (more than {MAX_DEPTH} levels)", node)
            raise _Stop
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, depth)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> LDict:
        if node.tag != _TAG + "map":
            self._refuse_tag(node)
        out = LDict()
        out.pos = _pos(node)
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self._problem("KS006", "merge keys (<<) are not supported; write the fields out", key_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem("KS010", "a key must be plain text, not a list or mapping", key_node)
                continue
            key = self._scalar(key_node)
            if not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in out:
                line, _ = out.key_pos[key]
                self._problem("KS009", f'the key "{safe_text(key)}" appears twice in this mapping (first on line {line})', key_node)
                continue
            out[key] = self.convert(value_node, depth + 1)
            out.key_pos[key] = _pos(key_node)
            out.value_pos[key] = _content_pos(value_node)
        return out

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> LList:
        if node.tag != _TAG + "seq":
            self._refuse_tag(node)
        out = LList()
        out.pos = _pos(node)
        for item in node.value:
            out.append(self.convert(item, depth + 1))
            out.item_pos.append(_pos(item))
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._refuse_tag(node)
            return node.value
        try:
            value = self._constructor.construct_object(node)
        except (ValueError, yaml.YAMLError, OverflowError):
            self._problem("KS100", f'"{safe_text(node.value)}" is not a valid value', node)
            return node.value
        if isinstance(value, float) and not math.isfinite(value):
            return value  # reported by the field check, which knows what was expected
        if hasattr(value, "isoformat"):
            return value.isoformat()  # an unquoted date: keep it as the text the author wrote
        return value

    def _refuse_tag(self, node: yaml.Node) -> None:
        self._problem("KS006", f'YAML tags such as "{safe_text(node.tag)}" are not allowed in scenarios', node)
