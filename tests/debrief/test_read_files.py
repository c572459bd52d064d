"""How `read_log` gets a file's bytes: a folder, a file that grows while it is read, a pipe, a file too large.

`read_log` opens and reads a log with a few system calls of its own (a class report reads hundreds), so
what `open(...).read()` used to decide for it is checked here.
"""

from __future__ import annotations

import os
import threading

import pytest

from kremlin_sim.engine import SaveError, Session, autoplay, read_log
from kremlin_sim.engine import savelog


@pytest.fixture
def one_log(tmp_path, helpers):
    session = Session.start(helpers.load(helpers.template), tmp_path / "saves", "Player", seed=3)
    autoplay(session, "random", 3)
    return session.path


def test_a_folder_named_as_a_log_is_one_clear_error(tmp_path):
    with pytest.raises(SaveError, match=r": this is a folder, not a save log$"):
        read_log(tmp_path)


def test_a_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(SaveError, match=r": no such file$"):
        read_log(tmp_path / "gone.jsonl")


def test_a_file_that_grew_after_its_size_was_taken_is_read_to_its_end(one_log, monkeypatch):
    whole = read_log(one_log)
    real_fstat = os.fstat

    def smaller(fd):  # as if the size had been taken before the last lines were appended
        status = real_fstat(fd)
        return os.stat_result((*status[:6], status.st_size // 3, *status[7:]))

    monkeypatch.setattr(savelog.os, "fstat", smaller)
    grown = read_log(one_log)
    assert grown.steps == whole.steps and grown.end == whole.end and grown.good_bytes == one_log.stat().st_size


def test_a_file_larger_than_the_cap_is_refused_even_when_its_size_said_otherwise(one_log, monkeypatch):
    with open(one_log, "ab") as handle:
        handle.truncate(savelog.MAX_LOG_BYTES + 1)
    monkeypatch.setattr(savelog.os, "fstat", lambda fd: os.stat_result((0,) * 10))  # a pipe says size 0
    with pytest.raises(SaveError, match=r": too large to be a save log$"):
        read_log(one_log)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_log_read_through_a_named_pipe_is_read_whole(one_log, tmp_path):
    pipe = tmp_path / "pipe.jsonl"
    os.mkfifo(pipe)
    data = one_log.read_bytes()

    def write() -> None:
        with open(pipe, "wb") as handle:
            for start in range(0, len(data), 1000):  # in pieces, as a writer may
                handle.write(data[start:start + 1000])
                handle.flush()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        log = read_log(pipe)
    finally:
        writer.join(timeout=10)
    assert log.steps == read_log(one_log).steps and log.good_bytes == len(data)


def test_a_folder_named_like_a_log_in_a_class_folder_is_left_out_with_its_reason(class_logs, capsys):
    from kremlin_sim.cli import main

    _, folder, _ = class_logs
    (folder / "not-a-log.jsonl").mkdir()
    assert main(["debrief", str(folder), "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert f"{folder / 'not-a-log.jsonl'}: left out: this is a folder, not a save log\n" in err
