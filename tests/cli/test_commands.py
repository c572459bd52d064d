"""The command line as a teacher uses it: exit codes, one line per problem, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kremlin_sim.cli import main


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kremlin_sim", *args], capture_output=True, text=True, cwd=cwd)


def test_validate_valid_and_invalid_files(tmp_path, template_text, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(template_text)
    bad = tmp_path / "bad.yaml"
    bad.write_text(template_text.replace("next: handover", "next: handovr"))
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    line = next(l for l in err.splitlines() if "KS201" in l)
    assert line.startswith(f"{bad}:") and ": error KS201: " in line


def test_usage_errors_exit_2_in_one_line():
    for args in (["validate"], ["--bogus"], ["play", "--reveal", "sometimes"], ["check"]):
        result = run(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("content", [b"", b"\x00\x01", b"a: !!python/object:os.system {}", b"- 1\n"])
def test_bad_files_exit_1_without_traceback(tmp_path, content):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}" in result.stderr.splitlines()[0]


def test_missing_file_and_directory(tmp_path):
    assert run("validate", str(tmp_path / "nope.yaml")).returncode == 1
    result = run("validate", str(tmp_path))
    assert result.returncode == 1 and "folder" in result.stderr


def test_new_writes_a_scenario_that_validates_and_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "mine" / "lesson.yaml"
    assert main(["new", str(target)]) == 0
    assert (tmp_path / "mine" / "scenario.schema.json").exists()
    assert main(["validate", str(target)]) == 0
    before = target.read_text()
    assert main(["new", str(target)]) == 1
    assert target.read_text() == before


def test_schema_is_json_and_describes_the_format(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$defs"]["scenario"]["required"] == ["format", "id", "title", "start", "meters", "endings", "decisions"]
    assert "choice" in schema["$defs"] and schema["$defs"]["choice"]["additionalProperties"] is False


def test_play_auto_writes_a_log_and_prints_its_path(tmp_path, template_text):
    scenario = tmp_path / "s.yaml"
    scenario.write_text(template_text)
    result = run("play", str(scenario), "--auto", "random", "--seed", "3", "--saves", str(tmp_path / "saves"))
    assert result.returncode == 0, result.stderr
    path = result.stdout.strip()
    assert path.endswith(".jsonl") and run("verify", path).returncode == 0


def test_saves_folder_from_environment(tmp_path, template_text):
    scenario = tmp_path / "s.yaml"
    scenario.write_text(template_text)
    env_dir = tmp_path / "env-saves"
    result = subprocess.run([sys.executable, "-m", "kremlin_sim", "play", str(scenario), "--auto", "history"],
                            capture_output=True, text=True, env={**__import__("os").environ, "KREMLIN_SIM_SAVES": str(env_dir)})
    assert result.returncode == 0 and result.stdout.strip().startswith(str(env_dir))


def test_invalid_scenario_for_play_is_reported(tmp_path):
    result = run("play", str(tmp_path / "missing.yaml"), "--auto", "history")
    assert result.returncode == 1 and "no such file" in result.stderr and "Traceback" not in result.stderr


def test_committed_schema_is_up_to_date(capsys):
    from pathlib import Path
    assert main(["schema"]) == 0
    committed = Path(__file__).resolve().parents[2] / "schema" / "scenario.schema.json"
    assert json.loads(committed.read_text()) == json.loads(capsys.readouterr().out), "run: kremlin-sim schema -o schema/scenario.schema.json"
