"""A disk that fills up (or fails to sync) while a game is being saved.

There is no small tmpfs to fill here, so the save log module gets an `os`
whose `write` stops after a given number of bytes, as write(2) does on a
full disk: a short write, then ENOSPC. Only the save log module sees it.
What must hold: a clear SaveError, no file left half-written, the log as it
was before the failed decision, the game in memory agreeing with the log,
and a game that goes on once there is room again.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kremlin_sim.cli import main
from kremlin_sim.engine import SaveError, Session, read_log, replay
from kremlin_sim.engine import savelog
from kremlin_sim.scenario import load_file


class FillingDisk:
    """`os` as the save log sees it, on a disk with `room` bytes left (and fsync failing if asked)."""

    def __init__(self, room: int, fsync_error: int | None = None, full_for: bytes = b"") -> None:
        self.room = room
        self.fsync_error = fsync_error
        self.full_for = full_for  # when set, the disk fills from the first write containing it on
        self.filling = not full_for

    def __getattr__(self, name: str):
        return getattr(os, name)

    def write(self, fd: int, data) -> int:
        if not self.filling and self.full_for not in bytes(data):
            return os.write(fd, data)
        self.filling = True
        if self.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = os.write(fd, bytes(data[: self.room]))
        self.room -= written
        return written

    def fsync(self, fd: int) -> None:
        if self.fsync_error is not None:
            raise OSError(self.fsync_error, os.strerror(self.fsync_error))
        os.fsync(fd)


@pytest.fixture
def scenario(shared):
    return load_file(shared.scenario_path).scenario


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("room", [0, 1, 100])
def test_no_room_for_the_header_leaves_no_file(scenario, tmp_path, monkeypatch, room):
    monkeypatch.setattr(savelog, "os", FillingDisk(room))
    with pytest.raises(SaveError, match=r"cannot write a save in .*: No space left on device"):
        Session.start(scenario, tmp_path / "saves", "Anna")
    assert files_in(tmp_path / "saves") == []


def test_a_header_that_cannot_be_synced_leaves_no_file(scenario, tmp_path, monkeypatch):
    monkeypatch.setattr(savelog, "os", FillingDisk(10**6, fsync_error=errno.EIO))
    with pytest.raises(SaveError, match="Input/output error"):
        Session.start(scenario, tmp_path / "saves", "Anna")
    assert files_in(tmp_path / "saves") == []


@pytest.mark.parametrize("room, fsync_error", [(0, None), (57, None), (10**6, errno.ENOSPC), (10**6, errno.EIO)])
def test_a_decision_that_cannot_be_saved_is_not_made(scenario, tmp_path, monkeypatch, room, fsync_error):
    session = Session.start(scenario, tmp_path, "Anna")
    before = session.path.read_bytes()
    state = session.game.state
    monkeypatch.setattr(savelog, "os", FillingDisk(room, fsync_error))
    with pytest.raises(SaveError, match=f"could not save to {session.path}"):
        session.choose("return_base", reason="the disk is full")
    assert session.path.read_bytes() == before, "half a line stayed behind"
    assert session.game.state == state and session.game.steps == []
    monkeypatch.undo()  # room again: the same decision is made and saved
    session.choose("return_base")
    session.choose("leave_quietly")
    log = read_log(session.path)
    assert log.finished and replay(log, scenario).ok and files_in(tmp_path) == [session.path.name]


def test_an_end_line_that_cannot_be_saved_is_written_on_resume(scenario, tmp_path, monkeypatch):
    session = Session.start(scenario, tmp_path, "Anna")
    session.choose("return_base")
    monkeypatch.setattr(savelog, "os", FillingDisk(0, full_for=b'"type":"end"'))
    with pytest.raises(SaveError, match="No space left on device"):
        session.choose("leave_quietly")  # the decision is saved; the end line is not
    monkeypatch.undo()
    log = read_log(session.path)
    assert len(log.steps) == 2 and not log.finished and not log.truncated
    resumed, _ = Session.resume(session.path, scenario)
    assert resumed.game.is_over and read_log(session.path).finished


def test_play_auto_on_a_full_disk_says_so_in_one_line(shared, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(savelog, "os", FillingDisk(0))
    code = main(["play", str(shared.scenario_path), "--auto", "random", "--seed", "1", "--saves", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.splitlines() == [f"cannot write a save in {tmp_path}: No space left on device"]
    assert files_in(tmp_path) == []


def test_play_auto_when_the_disk_fills_mid_game_keeps_what_was_saved(shared, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(savelog, "os", FillingDisk(80, full_for=b'"type":"step"'))  # the header fits, a decision does not
    code = main(["play", str(shared.scenario_path), "--auto", "history", "--saves", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code == 1 and len(err.splitlines()) == 1 and "No space left on device" in err
    [name] = files_in(tmp_path)
    log = read_log(tmp_path / name)
    assert log.steps == [] and not log.truncated
