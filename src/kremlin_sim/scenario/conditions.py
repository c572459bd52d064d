"""The condition language: `tension >= 60 and (hungary_crushed or not bloc_shaken)`.

A tiny recursive-descent parser builds closures over plain values, so a
condition can never reach a Python object: there is no `eval`, no attribute
access, no calls. Type errors (comparing a flag, testing a meter as if it
were a flag) are found at load time, not in play.
"""

from __future__ import annotations

import operator
import re
from dataclasses import field
from typing import Callable, Collection, Mapping

from .frozen import frozen_dataclass

Test = Callable[[Mapping[str, int], Collection[str]], bool]

_TOKEN = re.compile(r"\s*(?:(?P<num>-?\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op><=|>=|==|!=|<|>|\(|\)))")
_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne}
_KEYWORDS = {"and", "or", "not"}
MAX_LENGTH = 500


class ConditionError(ValueError):
    def __init__(self, message: str, offset: int, code: str = "KS220") -> None:
        super().__init__(message)
        self.offset = offset
        self.code = code  # KS221 for a type error: a flag compared, or a meter tested alone


@frozen_dataclass
class Condition:
    source: str
    test: Test = field(compare=False, repr=False)
    meters: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()

    def __call__(self, meters: Mapping[str, int], flags: Collection[str]) -> bool:
        return self.test(meters, flags)

    def __reduce__(self) -> tuple[object, ...]:
        # The test is a closure, which pickle cannot store (scenario/cache.py pickles loaded scenarios):
        # parse the source again, with the meters it names as the only meter ids, as it was checked.
        return parse_condition, (self.source, self.meters, ())


def parse_condition(source: str, meter_ids: Collection[str], flag_ids: Collection[str]) -> Condition:
    """Parse and type-check; raise ConditionError with the offset of the problem.

    Names not declared as meters are taken as flags here; the semantic check
    reports unknown flags with a suggestion, so that one typo gives one error.
    """
    if len(source) > MAX_LENGTH:
        raise ConditionError(f"a condition may be at most {MAX_LENGTH} characters", 0)
    parser = _Parser(source, set(meter_ids))
    test = parser.parse()
    return Condition(source, test, frozenset(parser.meters_used), frozenset(parser.flags_used))


class _Parser:
    def __init__(self, source: str, meter_ids: set[str]) -> None:
        self.source = source
        self.meter_ids = meter_ids
        self.tokens = self._tokenize(source)
        self.i = 0
        self.meters_used: set[str] = set()
        self.flags_used: set[str] = set()
        self.depth = 0

    @staticmethod
    def _tokenize(source: str) -> list[tuple[str, str, int]]:
        tokens, pos = [], 0
        while pos < len(source):
            if source[pos:].strip() == "":
                break
            match = _TOKEN.match(source, pos)
            if not match:
                bad = source[pos:].lstrip()[:1]
                offset = len(source) - len(source[pos:].lstrip())
                hint = {"&": ' (use "and", "or", "not" rather than symbols)', "|": ' (use "and", "or", "not" rather than symbols)',
                        "!": ' (use "not", or != to mean "is not equal to")', "=": ' (use == to test equality, >= for "at least")'}.get(bad, "")
                raise ConditionError(f'unexpected "{bad}" in condition{hint}', offset)
            kind = match.lastgroup or ""
            text = match.group(kind)
            tokens.append((kind, text, match.start(kind)))
            pos = match.end()
        return tokens

    def _peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _take(self) -> tuple[str, str, int]:
        token = self._peek()
        if token is None:
            raise ConditionError("the condition ends too early", len(self.source))
        self.i += 1
        return token

    def parse(self) -> Test:
        if not self.tokens:
            raise ConditionError("the condition is empty", 0)
        test = self._or()
        extra = self._peek()
        if extra is not None and extra[1].lower() in _KEYWORDS:
            raise ConditionError(f'write "{extra[1].lower()}" in lowercase', extra[2])
        if extra is not None:
            raise ConditionError(f'unexpected "{extra[1]}" (missing "and" or "or"?)', extra[2])
        return test

    def _is(self, word: str) -> bool:
        token = self._peek()
        return token is not None and token[0] == "name" and token[1] == word

    def _or(self) -> Test:
        left = self._and()
        while self._is("or"):
            self.i += 1
            right = self._and()
            left = (lambda a, b: lambda m, f: a(m, f) or b(m, f))(left, right)
        return left

    def _and(self) -> Test:
        left = self._not()
        while self._is("and"):
            self.i += 1
            right = self._not()
            left = (lambda a, b: lambda m, f: a(m, f) and b(m, f))(left, right)
        return left

    def _not(self) -> Test:
        if self._is("not"):
            self.i += 1
            inner = self._not()
            return lambda m, f: not inner(m, f)
        return self._atom()

    def _atom(self) -> Test:
        kind, text, offset = self._take()
        if text == "(":
            self.depth += 1
            if self.depth > 32:
                raise ConditionError("too many nested parentheses", offset)
            inner = self._or()
            closing = self._peek()
            if closing is None or closing[1] != ")":
                raise ConditionError('a "(" is never closed', offset)
            self.i += 1
            self.depth -= 1
            return inner
        if kind == "num" or (kind == "name" and text in self.meter_ids):
            return self._comparison(kind, text, offset)
        if kind == "name" and text.lower() in _KEYWORDS and text not in _KEYWORDS:
            raise ConditionError(f'write "{text.lower()}" in lowercase', offset)
        if kind == "name" and text not in _KEYWORDS:
            following = self._peek()
            if following is not None and following[0] == "op" and following[1] in _OPS:
                raise ConditionError(f'"{text}" is not a meter, so it cannot be compared; flags are tested by name alone', offset, "KS221")
            self.flags_used.add(text)
            return lambda m, f: text in f
        raise ConditionError(f'expected a meter, a flag or "(" but found "{text}"', offset)

    def _operand(self, kind: str, text: str, offset: int) -> Callable[[Mapping[str, int]], int]:
        if kind == "num":
            number = int(text)
            return lambda m: number
        if kind == "name" and text in self.meter_ids:
            self.meters_used.add(text)
            return lambda m: m[text]
        raise ConditionError(f'"{text}" is not a meter or a number', offset)

    def _comparison(self, kind: str, text: str, offset: int) -> Test:
        left = self._operand(kind, text, offset)
        op_token = self._peek()
        if op_token is None or op_token[0] != "op" or op_token[1] not in _OPS:
            if kind == "name":
                raise ConditionError(f'"{text}" is a meter: compare it with a number, e.g. "{text} >= 50"', offset, "KS221")
            raise ConditionError(f'a number must be compared, e.g. "tension >= {text}"', offset)
        self.i += 1
        right_kind, right_text, right_offset = self._take()
        right = self._operand(right_kind, right_text, right_offset)
        compare = _OPS[op_token[1]]
        if kind == "name" and right_kind == "num":
            # The usual form, "tension >= 60", as one call instead of three: the rules test every threshold
            # ending after every choice, and a class report replays thousands of new choices.
            number = int(right_text)
            return lambda m, f: compare(m[text], number)
        return lambda m, f: compare(left(m), right(m))
