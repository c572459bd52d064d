"""Properties: a save log edited in any way never crashes verify, debrief's reader or resume.

A random JSON value (nested, NaN, huge, control characters...) put in a
random field of a random record of a real log: reading, verifying and
resuming it raise nothing but SaveError, and `kremlin-sim verify` prints
printable lines and exits 0 or 1.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardening.corpus import RAW_CONTROL
from kremlin_sim.cli import main
from kremlin_sim.engine import SaveError, Session, read_log, replay, scenario_for_log
from kremlin_sim.scenario import load_file

PROPERTY = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
NASTY_TEXT = st.sampled_from(["", "\x1b[2J", "\u202e", "return_base", "handover", "good_neighbour", "my-scenario",
                              "x" * 5000, "/" + "x" * 5000, "step", "end", "header", "\n", "\x00"])
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30) | NASTY_TEXT
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def records_of(raw: bytes) -> list[dict]:
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


@st.composite
def edited_log(draw, raw: bytes) -> bytes:
    records = records_of(raw)
    record = draw(st.sampled_from(records))
    target = record
    if draw(st.booleans()):  # one level down too: scenario.id, meters_after.tension, settings.reveal...
        nested = [k for k, v in record.items() if isinstance(v, dict)]
        if nested:
            target = record[draw(st.sampled_from(nested))]
    key = draw(st.sampled_from(sorted(target)) | st.text(max_size=8)) if target else draw(st.text(max_size=8))
    target[key] = draw(json_values)
    if draw(st.integers(0, 4)) == 0:
        del records[draw(st.integers(0, len(records) - 1))]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def verify_in_process(path: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["verify", str(path)])
    return code, err.getvalue()


@PROPERTY
@given(data=st.data())
def test_an_edited_log_raises_nothing_but_save_errors(shared, tmp_path_factory, data):
    raw = shared.log("finished")
    folder = tmp_path_factory.mktemp("edited")
    path = folder / "game.jsonl"
    path.write_bytes(data.draw(edited_log(raw)))
    scenario = load_file(shared.scenario_path).scenario
    try:
        log = read_log(path)
        scenario_for_log(log)
        replay(log, scenario)
        if not log.finished:
            Session.resume(path, scenario)
    except SaveError as exc:
        assert str(exc).startswith(str(path))
    code, err = verify_in_process(folder / "game.jsonl")
    assert code in (0, 1)
    for line in err.split("\n"):
        assert RAW_CONTROL.search(line) is None, repr(line)


@PROPERTY
@given(seconds=st.floats(allow_nan=True) | st.integers(min_value=-10**30, max_value=10**30) | st.text(max_size=5),
       confidence=json_values, reason=st.text(max_size=50) | NASTY_TEXT)
def test_free_fields_never_break_verification(shared, tmp_path_factory, seconds, confidence, reason):
    """What a player typed, and timings, are not checked: any value there still verifies."""
    records = records_of(shared.log("finished"))
    records[1].update(seconds=seconds, confidence=confidence, reason=reason)
    path = tmp_path_factory.mktemp("free") / "game.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    verdict = replay(read_log(path), load_file(shared.scenario_path).scenario)
    assert verdict.ok, verdict.problems
