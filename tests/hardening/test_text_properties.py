"""Properties: whatever text a teacher (or a student editing a file) puts in a scenario, it is only text.

Random text — control characters, terminal escape sequences, Textual/Rich
markup, very long strings, any unicode but lone surrogates — in every text
field of a valid scenario either loads as exactly that text or is refused
with error records, and every diagnostic is one printable line. The text
fields come from the format's own declaration (scenario/spec.py), so a field
added to the format is covered without touching this test.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from hardening.corpus import RAW_CONTROL, SCENARIO
from kremlin_sim.scenario import load_text
from kremlin_sim.scenario.diagnostics import Diagnostic
from kremlin_sim.scenario.spec import MAX_LINE, MAX_TEXT, ListOf, MapOf, OneOf, Scalar, Struct
from kremlin_sim.scenario.spec import SCENARIO as FORMAT

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEMPLATE = yaml.load(SCENARIO.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
Path = tuple[Any, ...]


def text_fields(value: Any, spec: Any, path: Path = ()) -> list[tuple[Path, str]]:
    """(path, "line" or "text") of every text value in the data, found by walking it with its spec."""
    if isinstance(spec, Struct) and isinstance(value, dict):
        return [found for f in spec.fields if f.name in value for found in text_fields(value[f.name], f.type, (*path, f.name))]
    if isinstance(spec, ListOf) and isinstance(value, list):
        return [found for i, item in enumerate(value) for found in text_fields(item, spec.item, (*path, i))]
    if isinstance(spec, MapOf) and isinstance(value, dict):
        return [found for key, item in value.items() for found in text_fields(item, spec.value, (*path, key))]
    if isinstance(spec, OneOf):
        return [found for option in spec.options for found in text_fields(value, option, path)]
    if isinstance(spec, Scalar) and spec.kind in ("line", "text") and isinstance(value, str):
        return [(path, spec.kind)]
    return []


FIELDS = text_fields(TEMPLATE, FORMAT)
NASTY = ["\x1b[2J", "\x1b]0;owned\x07", "\x1b[31m", "\x9b31m", "\u202e", "\u2066", "\u2028", "\x85", "\r", "\x00", "\x7f",
         "\t", "[red]", "[/b]", "[/]", "[@click=app.quit]", "[link=file:///etc/passwd]", "[b", "\\[", "{", "}", "*", "&a",
         "!!python/object", "<script>", "%s", "{0}", "\n", "\ufeff", "\ufffe", "𝕂", "é"]
texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.lists(st.sampled_from(NASTY) | st.text(max_size=5), max_size=12).map("".join),
    st.tuples(st.sampled_from(["x", "é", "[", "\x1b[", " ", "\n"]), st.integers(1, 25_000)).map(lambda p: p[0] * p[1]),
)


def set_at(data: Any, path: Path, value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def loaded_at(scenario: Any, path: Path) -> Any:
    """The value at a YAML path of plain data, or of the loaded Scenario (whose effects are listed, not keyed by meter)."""
    here = scenario
    for index, key in enumerate(path):
        if isinstance(here, (dict, list)):  # plain YAML data
            here = here[key]
        elif path[index - 1:index] == ("effects",):
            here = next(e for e in here if e.meter == key)
        else:
            here = here[key] if isinstance(key, int) else getattr(here, key)
    return here


def assert_printable(diagnostic: Diagnostic, limit: int | None = 1000) -> None:
    """One line, nothing raw; and short, for diagnostics of the loader (which quotes input at most 60 characters)."""
    line = diagnostic.format()
    assert RAW_CONTROL.search(line) is None and "\n" not in line, repr(line)
    assert limit is None or len(line) < limit, f"a {len(line)}-character diagnostic"


def fresh() -> dict:
    return yaml.load(dump(TEMPLATE), Loader=yaml.CSafeLoader)


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)


def test_the_walk_finds_the_text_fields():
    paths = {path for path, _ in FIELDS}
    assert ("title",) in paths and ("summary",) in paths and ("endings", 0, "text") in paths
    assert ("decisions", 0, "choices", 0, "effects", "tension", "why") in paths
    assert ("decisions", 0, "history", "sources", 0, "author") in paths
    assert ("decisions", 0, "id") not in paths and ("decisions", 0, "date") not in paths


@PROPERTY
@given(st.sampled_from(FIELDS), texts)
@example((("title",), "line"), "\x1b[2J\x1b]0;owned\x07[red]Red[/red] [@click=app.quit]quit[/]\u202e")
@example((("decisions", 0, "briefing"), "text"), "[b]" * 6667)
@example((("endings", 0, "text"), "text"), "\n" * 20_001)
@example((("meters", 0, "label"), "line"), "two\nlines")
def test_any_text_in_any_text_field_is_only_text(field, text):
    path, kind = field
    data = fresh()
    set_at(data, path, text)
    written = dump(data)
    text = loaded_at(yaml.load(written, Loader=yaml.CSafeLoader), path)  # what the file says: PyYAML folds some breaks on the way
    result = load_text(written.encode("utf-8"), "s.yaml")
    for diagnostic in result.diagnostics:
        assert_printable(diagnostic)
    too_long = len(text) > (MAX_LINE if kind == "line" else MAX_TEXT)
    if too_long or (kind == "line" and "\n" in text.strip()):
        assert not result.ok and {d.code for d in result.errors} == {"KS100"}, [d.format() for d in result.diagnostics]
        return
    assert result.ok, [d.format() for d in result.diagnostics]
    assert loaded_at(result.scenario, path) in (text, text.strip(), text.rstrip())


@PROPERTY
@given(st.sampled_from([(p, k) for p, k in FIELDS if k == "text"]), texts)
def test_markup_and_escapes_written_raw_into_the_file_never_crash(field, text):
    """The same text pasted straight into the YAML, unquoted: YAML may refuse it, in one line."""
    path, _ = field
    data = fresh()
    set_at(data, path, "PLACEHOLDER")
    raw = dump(data).replace("PLACEHOLDER", text, 1)
    result = load_text(raw.encode("utf-8"), "s.yaml")
    assert result.ok or result.errors
    for diagnostic in result.diagnostics:
        assert_printable(diagnostic)


@PROPERTY
@given(st.binary(max_size=40), st.integers(0, 10**6), st.integers(0, 60))
def test_random_bytes_anywhere_in_the_file_never_crash(junk, where, removed):
    raw = SCENARIO.read_bytes()
    at = where % (len(raw) + 1)
    result = load_text(raw[:at] + junk + raw[at + removed:], "s.yaml")
    assert result.ok or result.errors
    for diagnostic in result.diagnostics:
        assert_printable(diagnostic)


@PROPERTY
@given(st.text(max_size=300), st.text(max_size=300), st.integers(0, 10**6), st.integers(0, 10**6))
def test_a_diagnostic_is_always_one_printable_line(message, path, line, column):
    assume(message or path)
    assert_printable(Diagnostic("KS100", message, path, line, column), limit=None)
