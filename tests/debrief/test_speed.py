"""A class report checks its logs without playing each one through the engine.

Checking each log with engine `replay()` (a `Game` and its transitions Machine
per log) cost about 45 times parsing the logs; the debrief's own check
(`debrief/verify.py`) compares exactly what `replay` compares without it. This
was a timed bound once; the suite asserts no timings (issue 8: the machines are
shared and noisy), so it counts the games the engine makes instead.
`bench/run.py --only debrief` is the figure of record for the time.
"""

from __future__ import annotations

from kremlin_sim.engine.game import Game

LOGS = 60


def test_a_class_html_report_plays_no_log_through_the_engine(long_scenario_path, tmp_path, helpers, monkeypatch):
    folder = tmp_path / "saves"
    helpers.make_logs(long_scenario_path, LOGS, folder)
    made = []
    real_init = Game.__init__

    def counted(self, *args, **kwargs):
        made.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Game, "__init__", counted)
    helpers.html_report(folder)
    assert (folder.parent / "class.html").stat().st_size > 0
    assert made == []
