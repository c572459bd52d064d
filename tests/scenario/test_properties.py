"""Properties of the loader over generated scenarios and random damage."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kremlin_sim.scenario import load_text
from support.generate import scenario_data, to_yaml

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(scenario_data())
def test_generated_scenarios_load_without_problems(data):
    result = load_text(to_yaml(data).encode(), "gen.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert [d.code for d in result.warnings] in ([], ["KS241"])
    scenario = result.scenario
    assert [d.id for d in scenario.decisions] == [d["id"] for d in data["decisions"]]
    assert scenario.start_meters() == {m["id"]: m["start"] for m in data["meters"]}


@st.composite
def damaged(draw):
    text = to_yaml(draw(scenario_data(max_decisions=3)))
    kind = draw(st.sampled_from(["delete", "insert", "replace_line", "swap", "truncate"]))
    lines = text.splitlines(keepends=True)
    if kind == "delete":
        start = draw(st.integers(0, len(text) - 1))
        return text[:start] + text[start + draw(st.integers(1, 20)):]
    if kind == "insert":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.text(min_size=1, max_size=10)) + text[at:]
    if kind == "replace_line":
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = draw(st.text(max_size=40)) + "\n"
        return "".join(lines)
    if kind == "swap":
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
        return "".join(lines)
    return text[: draw(st.integers(0, len(text)))]


@FAST
@given(damaged())
def test_damaged_files_give_records_never_exceptions(text):
    result = load_text(text.encode("utf-8", "surrogatepass"), "bad.yaml")
    assert result.ok or result.errors
    for diagnostic in result.diagnostics:
        line = diagnostic.format()
        assert "\n" not in line and "\x1b" not in line


TEXT_FIELDS = [("title",), ("summary",), ("meters", 0, "label"), ("endings", -1, "text"),
               ("decisions", 0, "briefing"), ("decisions", 0, "title"), ("decisions", 0, "choices", 0, "label"),
               ("decisions", 0, "history", "what_happened")]


@FAST
@given(scenario_data(max_decisions=2), st.sampled_from(TEXT_FIELDS),
       st.one_of(st.text(), st.integers(), st.none(), st.lists(st.text(), max_size=2)))
def test_any_value_in_a_text_field_loads_or_is_reported(data, field, value):
    data = copy.deepcopy(data)
    holder = data
    for key in field[:-1]:
        holder = holder[key]
    holder[field[-1]] = value
    result = load_text(to_yaml(data).encode("utf-8", "surrogatepass"), "f.yaml")
    if result.ok:
        assert isinstance(value, str) or isinstance(value, int)
    else:
        assert result.errors
