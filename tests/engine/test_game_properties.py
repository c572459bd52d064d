"""The engine's invariants, over generated scenarios, as a Hypothesis state machine."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from kremlin_sim.engine import Rules, Session, read_log, replay
from kremlin_sim.scenario import load_text
from support.generate import scenario_data, to_yaml


class PlayingAGame(RuleBasedStateMachine):
    @initialize(data=scenario_data())
    def start(self, data):
        self.folder = Path(tempfile.mkdtemp(prefix="ks-prop-"))
        path = self.folder / "gen.yaml"
        path.write_text(to_yaml(data), encoding="utf-8")
        result = load_text(path.read_bytes(), str(path))
        assert result.ok, [d.format() for d in result.diagnostics]
        self.scenario = result.scenario
        self.session = Session.start(self.scenario, self.folder / "saves", "Tester")

    def teardown(self):
        if hasattr(self, "folder"):
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def game(self):
        return self.session.game

    @precondition(lambda self: hasattr(self, "session") and not self.session.game.is_over)
    @rule(pick=st.integers(0, 8), reason=st.text(max_size=30), confidence=st.one_of(st.none(), st.integers(1, 5)))
    def choose(self, pick, reason, confidence):
        available = [o.choice.id for o in self.game.options() if o.available]
        choice = available[pick % len(available)]
        preview = self.game.preview(choice)
        step = self.session.choose(choice, reason=reason, confidence=confidence)
        assert step.meters_after == Rules(self.scenario).meters(preview.after)
        assert self.game.state == preview.after

    @invariant()
    def meters_stay_in_range(self):
        if hasattr(self, "session"):
            for meter in self.scenario.meters:
                assert meter.min <= self.game.meters[meter.id] <= meter.max

    @invariant()
    def a_game_not_over_offers_a_choice(self):
        if hasattr(self, "session") and not self.game.is_over:
            assert any(o.available for o in self.game.options())

    @precondition(lambda self: hasattr(self, "session") and not self.session.game.is_over)
    @rule()
    def quit_and_resume(self):
        resumed, messages = Session.resume(self.session.path, self.scenario)
        assert resumed.game.state == self.game.state and messages == []
        self.session = resumed

    @precondition(lambda self: hasattr(self, "session"))
    @rule()
    def the_log_replays_to_the_same_state(self):
        log = read_log(self.session.path)
        verdict = replay(log, self.scenario)
        assert verdict.ok, verdict.problems
        assert verdict.game.state == self.game.state
        assert log.finished == self.game.is_over

    @precondition(lambda self: hasattr(self, "session") and self.session.game.steps)
    @rule()
    def a_tampered_log_is_rejected(self):
        lines = self.session.path.read_text(encoding="utf-8").split("\n")[:-1]
        record = json.loads(lines[1])
        meter = next(iter(record["meters_after"]))
        record["meters_after"][meter] += 1
        lines[1] = json.dumps(record)
        tampered = self.folder / "tampered.jsonl"
        tampered.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert not replay(read_log(tampered), self.scenario).ok


PlayingAGame.TestCase.settings = settings(max_examples=40, stateful_step_count=10, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TestPlayingAGame = PlayingAGame.TestCase
