"""The fixture scenarios for the author tools: each planted defect in its own small file."""

from __future__ import annotations

from pathlib import Path

from kremlin_sim.scenario import load_file, load_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_path(name: str) -> Path:
    return FIXTURES / f"{name}.yaml"


def load_fixture(name: str):
    result = load_file(fixture_path(name))
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.scenario


def load_edited(name: str, old: str, new: str):
    """A fixture with one piece of text replaced, loaded in memory."""
    text = fixture_path(name).read_text(encoding="utf-8")
    assert old in text
    result = load_text(text.replace(old, new).encode("utf-8"), f"{name}-edited.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.scenario


def condition(source: str, scenario_meters=("m0", "m1"), flags=("f",)):
    from kremlin_sim.scenario.conditions import parse_condition
    return parse_condition(source, scenario_meters, flags)


def build(decisions, endings, meters=None, flags=("f",), title="built in a test"):
    """A Scenario made directly from model objects, for shapes a YAML file would make long-winded.
    `meters` is a list of (id, min, max, start); the default is m0 and m1 from 0 to 3, starting at 1."""
    from kremlin_sim.scenario.model import Flag, Meter, Scenario
    meters = meters or [("m0", 0, 3, 1), ("m1", 0, 3, 1)]
    return Scenario(format=1, id="built", title=title, start=decisions[0].id,
                    meters=tuple(Meter(m, m.upper(), low, high, start) for m, low, high, start in meters),
                    endings=tuple(endings), decisions=tuple(decisions), flags=tuple(Flag(f) for f in flags))
