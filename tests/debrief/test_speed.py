"""A class report costs a small multiple of merely parsing the logs as JSON.

Checking each log with engine `replay()` (a transitions Machine per log)
costs about 45 times the parsing; the whole `debrief --format html` command
now takes about 4 to 5 times on this scenario (it took 8 before the scenario's
text was made once per class). The bound leaves room for a busy machine but
fails if either comes back. `bench_debrief.py` measures 1,000 logs of the
bundled campaign; `bench/run.py --only debrief` is the figure of record.
"""

from __future__ import annotations

LOGS = 300
BOUND = 8


def test_a_class_html_report_costs_a_small_multiple_of_parsing_the_logs(long_scenario_path, tmp_path, helpers):
    folder = tmp_path / "saves"
    paths = helpers.make_logs(long_scenario_path, LOGS, folder)
    parsing, report = helpers.measure(folder, paths)
    assert report < BOUND * parsing, f"{LOGS} logs: parsing {parsing:.3f} s, HTML report {report:.3f} s"
