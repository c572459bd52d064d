"""`kremlin-sim debrief` as a teacher runs it: exit codes, messages, where the report goes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from kremlin_sim.cli import main
from kremlin_sim.engine import read_log


def test_a_class_folder_gives_a_markdown_class_report_on_standard_output(class_logs, capsys):
    scenario, folder, logs = class_logs
    assert main(["debrief", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# Class debrief") and scenario.title.split(",")[0] in out
    assert "Unfinished games are included" in out
    assert err == ""


def test_one_log_gives_a_student_report(class_logs, helpers, capsys):
    scenario, folder, logs = class_logs
    assert main(["debrief", str(logs[helpers.real_name(0)])]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith(f"# Debrief: {helpers.real_name(0)}") and "## Class" not in out
    assert "Evidence: How far did peaceful coexistence ease Cold War tensions" in out


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_output_file_is_written_in_the_format_asked(class_logs, tmp_path, capsys, fmt):
    scenario, folder, logs = class_logs
    target = tmp_path / f"report.{fmt}"
    assert main(["debrief", str(folder), "--format", fmt, "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and f"wrote {target}" in err
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(text)["games"]) == len(logs)
    elif fmt == "csv":
        assert {row["player"] for row in csv.DictReader(io.StringIO(text, newline=""))} == {
            read_log(p).player for p in logs.values()}
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>")
    else:
        assert text.startswith("# Class debrief")


def test_a_bad_log_among_good_ones_is_listed_and_the_report_still_written(class_logs, helpers, capsys):
    scenario, folder, logs = class_logs
    bad = logs[helpers.real_name(2)]
    helpers.edit_record(bad, 1, lambda r: r["meters_after"].update({scenario.meters[0].id: 1}))
    assert main(["debrief", str(folder), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [e["file"] for e in data["excluded"]] == [str(bad)]
    assert f"{bad}: left out:" in err and len(data["games"]) == len(logs) - 1
    assert err.count("\n") == 2  # the log, then the summary line


def test_nothing_usable_is_exit_1_with_one_line_per_problem(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text("{not json\nnor this\n", encoding="utf-8")
    target = tmp_path / "report.html"
    code = main(["debrief", str(tmp_path / "missing"), str(empty), str(garbage), "--format", "html", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and not target.exists()
    lines = err.splitlines()
    assert len(lines) == 4 and "Traceback" not in err
    assert lines[0].startswith(f"{tmp_path / 'missing'}: left out: no such file")
    assert lines[1].startswith(f"{empty}: left out: no save logs")
    assert lines[2].startswith(f"{garbage}: left out:")
    assert "no report was written" in lines[3]


def test_an_unwritable_output_is_exit_1(class_logs, tmp_path, capsys):
    scenario, folder, logs = class_logs
    assert main(["debrief", str(folder), "-o", str(tmp_path / "no" / "such" / "folder" / "r.md")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_anonymise_and_scenario_options_reach_the_report(class_logs, helpers, capsys):
    scenario, folder, logs = class_logs
    assert main(["debrief", str(folder), "--anonymise", "--scenario", str(scenario.path)]) == 0
    out, _ = capsys.readouterr()
    assert "Student 1" in out and helpers.real_name(0) not in out
    other = helpers.contract if scenario.id != "example-1955" else helpers.template
    assert main(["debrief", str(folder), "--scenario", str(other)]) == 1
    assert "is a game of" in capsys.readouterr().err


def test_an_unknown_format_is_a_usage_error(class_logs, capsys):
    scenario, folder, logs = class_logs
    assert main(["debrief", str(folder), "--format", "pdf"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_control_characters_never_reach_a_terminal(class_logs, helpers, tmp_path, capsys, monkeypatch):
    scenario, folder, logs = class_logs
    path = helpers.play_reasons(scenario, tmp_path, "Tess", ["red \x1b[31malert\x07 \x9b2J done"], stop_after=1)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for fmt in ("md", "csv", "json", "html"):
        assert main(["debrief", str(path), "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "alert" in out


def test_the_debrief_imports_no_terminal_ui_library():
    code = ("import sys, kremlin_sim.debrief.command; "
            "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}); "
            "print(loaded); sys.exit(1 if loaded else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_text_that_cannot_be_written_as_utf8_is_shown_not_a_traceback(class_logs, helpers, tmp_path, capsys, fmt):
    """Lone surrogates: JSON escapes an edited log can hold, and file names that are not UTF-8."""
    scenario, folder, logs = class_logs

    def edit(path, line, change):  # as \u escapes: a lone surrogate cannot be written as UTF-8
        records = path.read_text(encoding="utf-8").splitlines()
        record = json.loads(records[line])
        change(record)
        records[line] = json.dumps(record)
        path.write_text("\n".join(records) + "\n", encoding="utf-8")
    edit(logs[helpers.real_name(1)], 1, lambda record: record.update(reason="broken \ud800 reason"))
    edit(logs[helpers.real_name(2)], 0, lambda header: header.update(started="2025-\udcff"))
    edit(logs[helpers.real_name(3)], 0, lambda header: header["scenario"].update(id="lost-\ud801"))
    odd_name = folder / "class-\udcff.jsonl"  # the name a folder listing gives a file named with the byte 0xff
    logs[helpers.real_name(4)].rename(odd_name)
    target = tmp_path / f"report.{fmt}"
    assert main(["debrief", str(folder), "--format", fmt, "-o", str(target)]) == 0
    # JSON writes U+FFFD as an escape, HTML as a character reference: both read as the character itself
    text = target.read_text(encoding="utf-8").replace("\\ufffd", "\ufffd").replace("&#65533;", "\ufffd")
    assert "broken \ufffd reason" in text
    assert "lost-\ufffd" in text or fmt == "md"  # Markdown leaves the excluded list out
    _, err = capsys.readouterr()
    assert "Traceback" not in err and "left out" in err
    assert main(["debrief", str(folder), "--format", fmt]) == 0  # to standard output too
