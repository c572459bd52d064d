"""Properties: any reason text survives every format, and the fast check agrees with engine replay."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import tempfile
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt  # installed with rich, which Textual uses; only the tests need it

from debrief.page_text import in_page
from kremlin_sim.debrief import render_csv, render_html, render_json, render_md
from kremlin_sim.debrief.reading import collect
from kremlin_sim.debrief.verify import Verifier
from kremlin_sim.engine import Session, autoplay, read_log, replay

reasons = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120)


class Structure(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def one_game_with(scenario, reason: str):
    folder = tempfile.mkdtemp(prefix="debrief-prop-")
    session = Session.start(scenario, folder, "Pat")
    first = next(o.choice.id for o in session.game.options() if o.available)
    session.choose(first, reason=reason)
    stored = read_log(session.path).steps[0]["reason"]
    return collect([str(session.path)]), stored


@pytest.fixture(scope="module")
def template(helpers):
    return helpers.load(helpers.template)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reason=reasons)
def test_any_reason_round_trips_through_csv_and_json(template, reason):
    report, stored = one_game_with(template, reason)
    assume(stored)
    [row] = [r for r in csv.DictReader(io.StringIO(render_csv.render(report), newline="")) if r["n"] == "1"]
    assert render_csv.unguard(row["reason"]) == stored
    assert not row["reason"].startswith(("=", "+", "-", "@", "\t", "\r"))
    data = json.loads(render_json.render(report))
    assert data["games"][0]["steps"][0]["reason"] == stored
    assert data["decisions"][0]["reasons"][data["games"][0]["steps"][0]["choice"]][0]["reason"] == stored


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reason=reasons)
def test_any_reason_is_only_ever_text_in_html(template, reason):
    report, stored = one_game_with(template, reason)
    assume(stored)
    plain, _ = one_game_with(template, "plain")
    page, plain_page = render_html.render(report), render_html.render(plain)
    parsed = Structure(page)
    assert parsed.tags == Structure(plain_page).tags
    assert stored in "".join(parsed.text)
    assert in_page(stored) in page
    if "<" in stored and stored not in plain_page:  # a reason such as "<" is in every page's markup anyway
        assert stored not in page


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reason=reasons)
def test_any_reason_keeps_markdown_tables_whole(template, helpers, reason):
    report, stored = one_game_with(template, reason)
    assume(stored)
    text = render_md.render(report)
    assert "<" not in text.replace("<br>", "")
    assert not helpers.broken_tables(text)
    assert render_md.text(stored) in text
    as_html = MarkdownIt("commonmark", {"html": True}).enable("table")
    plain, _ = one_game_with(template, "plain")
    tags = [t for t in Structure(as_html.render(text)).tags if t != "br"]
    assert tags == [t for t in Structure(as_html.render(render_md.render(plain))).tags if t != "br"]


# -- the fast check says exactly what engine replay says -------------------------------------------

STEP_KEYS = ("node", "choice", "meters_before", "meters_after", "next", "matches_history", "historical_choice")


def mutations(scenario):
    choice_ids = sorted({c.id for d in scenario.decisions for c in d.choices}) + ["nonsense"]
    nodes = sorted(scenario.decision_by_id) + sorted(scenario.ending_by_id)
    value = st.one_of(st.sampled_from(choice_ids), st.sampled_from(nodes), st.none(), st.booleans(),
                      st.integers(-5, 105), st.dictionaries(st.sampled_from([m.id for m in scenario.meters]),
                                                            st.integers(-5, 105), max_size=3))
    step_edit = st.tuples(st.just("step"), st.integers(0, 40), st.sampled_from(STEP_KEYS), value)
    meter_nudge = st.tuples(st.just("nudge"), st.integers(0, 40), st.sampled_from(["meters_before", "meters_after"]),
                            st.integers(-3, 3))
    end_edit = st.tuples(st.just("end"), st.just(0), st.just("ending"), st.sampled_from(nodes))
    drop = st.tuples(st.sampled_from(["drop_end", "drop_step"]), st.integers(0, 40), st.just(""), st.none())
    return st.lists(st.one_of(step_edit, meter_nudge, end_edit, drop), max_size=3)


def apply_mutation(log, kind, index, key, value):
    if kind == "drop_end":
        log.end = None
    elif kind == "end":
        if log.end is not None:
            log.end["ending"] = value
    elif log.steps:
        step = log.steps[index % len(log.steps)]
        if kind == "drop_step":
            log.steps.remove(step)
        elif kind == "nudge":
            if not isinstance(step.get(key), dict) or not step[key]:
                return
            meter = sorted(step[key])[0]
            step[key] = {**step[key], meter: step[key][meter] + value}
        else:
            step[key] = value


@pytest.fixture(scope="module")
def finished_logs(helpers, tmp_path_factory):
    scenario = helpers.load(helpers.contract)
    folder = tmp_path_factory.mktemp("logs")
    for seed in range(6):
        autoplay(Session.start(scenario, folder, f"p{seed}"), "random", seed)
    return scenario, [read_log(p) for p in sorted(folder.glob("*.jsonl"))]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_fast_check_agrees_with_engine_replay(finished_logs, data):
    scenario, logs = finished_logs
    log = copy.deepcopy(data.draw(st.sampled_from(logs)))
    for mutation in data.draw(mutations(scenario)):
        apply_mutation(log, *mutation)
    verdict = replay(copy.deepcopy(log), scenario)
    result = Verifier(scenario).check(log)
    event("replays" if verdict.ok else "fails")
    assert (not result.problems) == verdict.ok
    if not verdict.ok:
        assert list(result.problems) == verdict.problems
    else:
        assert result.state == verdict.game.state


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_one_verifier_shared_by_many_logs_agrees_with_engine_replay(finished_logs, data):
    """As a class report checks: one verifier for every log, so each log meets outcomes (and failures)
    that earlier logs left in its memory."""
    scenario, logs = finished_logs
    verifier = Verifier(scenario)
    for _ in range(data.draw(st.integers(2, 8))):
        log = copy.deepcopy(data.draw(st.sampled_from(logs)))
        for mutation in data.draw(mutations(scenario)):
            apply_mutation(log, *mutation)
        verdict = replay(copy.deepcopy(log), scenario)
        result = verifier.check(log)
        assert (not result.problems) == verdict.ok
        if verdict.ok:
            assert result.state == verdict.game.state
