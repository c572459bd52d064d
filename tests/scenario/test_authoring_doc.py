"""docs/authoring.md keeps up with the loader: every code explained, every key
described, and the worked example a scenario that really loads cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kremlin_sim.cli import build_parser
from kremlin_sim.engine import Rules, historical_path
from kremlin_sim.scenario import load_text
from kremlin_sim.scenario.conditions import MAX_LENGTH as MAX_CONDITION
from kremlin_sim.scenario.diagnostics import CODES
from kremlin_sim.scenario.spec import MAX_ID, MAX_LINE, MAX_TEXT, SCENARIO, ListOf, MapOf, OneOf, Scalar, Struct
from kremlin_sim.scenario.yaml_source import MAX_BYTES, MAX_DEPTH

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
EXAMPLE_MARKER = "<!-- worked-example -->"
KEYS_MARKER = re.compile(r"^<!-- keys: (\w+) -->$")
MESSAGE_LINE = re.compile(r"^\S+?(:\d+:\d+)?: (error|warning) (KS\d{3}): \S")


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def outside_code(text: str) -> list[tuple[str, bool]]:
    """Each line with whether it is a Markdown heading: a `#` line outside fenced code
    (inside, `#` starts a YAML comment)."""
    out, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        out.append((line, not fenced and line.startswith("#")))
    return out


def headings(text: str) -> list[str]:
    return [line for line, is_heading in outside_code(text) if is_heading]


def section(text: str, title_word: str) -> str:
    """The text under the `## ` heading containing `title_word`, up to the next `## ` heading."""
    body, inside = [], False
    for line, is_heading in outside_code(text):
        if is_heading and line.startswith("## "):
            if inside:
                break
            inside = title_word in line
        elif inside:
            body.append(line)
    assert body, f"no ## heading containing {title_word!r}"
    return "\n".join(body)


def worked_example(text: str) -> str:
    """The fenced ```yaml block that follows the marker line."""
    lines = text.splitlines()
    assert lines.count(EXAMPLE_MARKER) == 1, f"expected exactly one {EXAMPLE_MARKER} line"
    at = lines.index(EXAMPLE_MARKER) + 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    assert lines[at] == "```yaml", f"the marker must be followed by a ```yaml block, found {lines[at]!r}"
    end = lines.index("```", at + 1)
    return "\n".join(lines[at + 1:end]) + "\n"


def structs(spec=SCENARIO, found: dict[str, Struct] | None = None) -> dict[str, Struct]:
    """Every Struct reachable from the scenario, by name."""
    found = {} if found is None else found
    if isinstance(spec, Struct):
        if spec.name not in found:
            found[spec.name] = spec
            for f in spec.fields:
                structs(f.type, found)
    elif isinstance(spec, ListOf):
        structs(spec.item, found)
    elif isinstance(spec, MapOf):
        structs(spec.value, found)
    elif isinstance(spec, OneOf):
        for option in spec.options:
            structs(option, found)
    return found


def key_tables(reference: str) -> dict[str, list[list[str]]]:
    """struct name -> rows (cells) of the table after its `<!-- keys: NAME -->` marker."""
    tables: dict[str, list[list[str]]] = {}
    lines = reference.splitlines()
    for i, line in enumerate(lines):
        match = KEYS_MARKER.match(line.strip())
        if not match:
            continue
        rows = []
        for row in lines[i + 1:]:
            if not row.startswith("|"):
                break
            rows.append([cell.strip() for cell in row.strip().strip("|").split(" | ")])
        assert len(rows) > 2, f"the table after keys: {match.group(1)} has no rows"
        tables[match.group(1)] = rows[2:]  # after the header and the |---| line
    return tables


def kind_words(spec) -> list[str]:
    """Words the "Kind" column must contain for a field of this type."""
    if isinstance(spec, Scalar):
        return {"id": ["id"], "scenario_id": ["id"], "line": ["one line"], "text": ["Markdown"],
                "int": ["whole number"], "bool": ["true or false"], "date": ["date"],
                "condition": ["condition"]}[spec.kind]
    if isinstance(spec, ListOf):
        return ["list"]
    if isinstance(spec, MapOf):
        return ["mapping", "meter id"]
    if isinstance(spec, OneOf):
        return ["id", "list"]
    return ["mapping"]


def github_slug(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


# -- (a) every code explained --------------------------------------------------------------------

def code_sections(doc: str) -> dict[str, str]:
    """code -> the text under its heading, up to the next heading of any level."""
    found: dict[str, str] = {}
    current, body = None, []
    for line, is_heading in outside_code(doc):
        if is_heading:
            if current:
                found[current] = "\n".join(body)
            codes = re.findall(r"\bKS\d{3}\b", line)
            current, body = (codes[0] if len(codes) == 1 else None), []
        elif current:
            body.append(line)
    if current:
        found[current] = "\n".join(body)
    return found


def test_every_code_has_its_own_heading(doc):
    sections = code_sections(doc)
    missing = sorted(set(CODES) - set(sections))
    assert not missing, f"codes with no heading in docs/authoring.md: {missing}"


def test_every_heading_names_a_real_code(doc):
    unknown = sorted(set(code_sections(doc)) - set(CODES))
    assert not unknown, f"headings for codes the loader does not have: {unknown}"


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_shows_a_message_line_and_a_fix(doc, code):
    body = code_sections(doc).get(code, "")
    examples = [line for line in body.splitlines() if MESSAGE_LINE.match(line)]
    assert examples, f"{code}: no example line in the form `path:line:col: error KSxxx: message`"
    assert "**Fix:**" in body, f"{code}: no **Fix:** paragraph"


def test_example_lines_use_the_code_of_their_heading_unless_explained(doc):
    """An example printed under another code's heading would mislead, except where the doc
    says that the loader reports the mistake under a different code (KS221)."""
    for code, body in code_sections(doc).items():
        shown = {MESSAGE_LINE.match(line).group(3) for line in body.splitlines() if MESSAGE_LINE.match(line)}
        if code not in shown:
            assert "reports them under" in body, f"{code}: examples show only {sorted(shown)} without saying why"


# -- (b) the worked example loads cleanly --------------------------------------------------------

def test_worked_example_validates_without_errors_or_warnings(doc):
    result = load_text(worked_example(doc).encode("utf-8"), "geneva-1955.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.diagnostics == (), [d.format() for d in result.diagnostics]


def test_worked_example_teaches_every_feature_it_promises(doc):
    scenario = load_text(worked_example(doc).encode("utf-8"), "geneva-1955.yaml").scenario
    assert len(scenario.decisions) >= 3
    assert scenario.threshold_endings and any(e.when is None for e in scenario.endings)
    choices = [c for d in scenario.decisions for c in d.choices]
    assert any(c.condition and c.hidden for c in choices) and any(c.condition and c.unavailable for c in choices)
    assert any(c.sets for c in choices) and scenario.flags
    assert any(len(d.next) > 1 for d in scenario.decisions), "no decision point routes with branches"
    assert all(d.history and d.history.sources and d.history.question for d in scenario.decisions)
    assert all(e.why for c in choices for e in c.effects)


def test_worked_example_historical_path_reaches_the_ending_the_doc_names(doc):
    scenario = load_text(worked_example(doc).encode("utf-8"), "geneva-1955.yaml").scenario
    points, final = historical_path(Rules(scenario))
    ending = scenario.ending_by_id.get(final.node)
    assert ending is not None and len(points) == len(scenario.decisions)
    assert f"ended: {ending.title} after {len(points)} decisions" in doc


# -- (c) every key described ---------------------------------------------------------------------

def test_every_struct_of_the_format_has_a_key_table(doc):
    tables = key_tables(section(doc, "Reference"))
    assert set(tables) == set(structs()), f"tables for {sorted(tables)}, format has {sorted(structs())}"


@pytest.mark.parametrize("name", sorted(structs()))
def test_key_table_lists_exactly_the_keys_with_requiredness_and_kind(doc, name):
    spec = structs()[name]
    rows = key_tables(section(doc, "Reference"))[name]
    documented = {row[0].strip("`"): row for row in rows}
    assert list(documented) == [f.name for f in spec.fields], f"{name}: keys or their order differ from spec.py"
    for f in spec.fields:
        row = documented[f.name]
        assert row[1] == ("required" if f.required else "optional"), f"{name}.{f.name}: says {row[1]!r}"
        for word in kind_words(f.type):
            assert word in row[2], f"{name}.{f.name}: kind {row[2]!r} should mention {word!r}"
        assert row[3], f"{name}.{f.name}: no meaning given"


def test_every_key_appears_in_the_reference_section(doc):
    reference = section(doc, "Reference")
    keys = {f.name for spec in structs().values() for f in spec.fields}
    missing = sorted(k for k in keys if f"`{k}`" not in reference)
    assert not missing, f"keys not in the reference: {missing}"


# -- the rest of what the guide promises ---------------------------------------------------------

def test_limits_section_states_the_real_limits(doc):
    limits = section(doc, "Limits")
    for fact in (f"{MAX_BYTES // (1024 * 1024)} MB", f"{MAX_DEPTH} levels", f"{MAX_ID} characters",
                 f"{MAX_LINE} characters", f"{MAX_TEXT:,} characters", f"{MAX_CONDITION} characters"):
        assert fact in limits, f"the limits section does not say {fact!r}"


def test_every_command_the_guide_mentions_exists(doc):
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    mentioned = set(re.findall(r"kremlin-sim ([a-z]+)\b", doc))
    assert mentioned, "the guide names no commands"
    assert mentioned <= set(commands), f"unknown commands in the guide: {sorted(mentioned - set(commands))}"
    play_options = {opt for a in commands["play"]._actions for opt in a.option_strings}
    for option in ("--preview", "--auto", "--reveal", "--require-reasons"):
        assert option in play_options and option in doc


def test_internal_links_point_at_headings(doc):
    slugs = {github_slug(line.lstrip("#")) for line in headings(doc)}
    targets = set(re.findall(r"\]\(#([^)]+)\)", doc))
    assert targets, "the guide has no internal links"
    assert targets <= slugs, f"links to missing headings: {sorted(targets - slugs)}"
