"""The save log's quick paths give what the plain ones gave.

read_log's quick path (whole-file decode, one scan per line) only ever answers
when it is sure; these properties hold its answer equal to the exact path's
(json.loads per line) for logs damaged in the ways a crash, an editor or a
stranger's file damages them. find_logs lists a folder as glob did.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kremlin_sim.engine import SaveError, Session, autoplay, find_logs, read_log
from kremlin_sim.engine import savelog
from kremlin_sim.scenario import load_file

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def log_lines(tmp_path, template_text) -> list[bytes]:
    path = tmp_path / "porkkala.yaml"
    path.write_text(template_text, encoding="utf-8")
    session = Session.start(load_file(path).scenario, tmp_path / "saves", "Ada Ünal", reveal="end")
    autoplay(session, "history")
    return session.path.read_bytes().split(b"\n")[:-1]


DAMAGE = st.sampled_from([
    b"", b" ", b"\r", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"[", b"]", b"{", b"}", b",", b"1", b'"', b"\\",
    b"{}", b"[1]", b"{},{}", b'{"type":"step"', b'"n":2}', b"\xe2\x80\xa8", b"\x00", b"\xe3\x80\x80",
    b'{"a":[', b"]}", b'{},"kremlin-sim line break 0",{}', b"\t", b"1e999", b"NaN",
])


@st.composite
def damaged(draw, lines: list[bytes]) -> bytes:
    """Real log lines, some cut, joined, split or spliced with bytes that are not JSON or not UTF-8."""
    pieces = list(lines)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(pieces) - 1))
        line = pieces[at]
        where = draw(st.integers(0, len(line)))
        how = draw(st.sampled_from(["insert", "cut", "split", "replace"]))
        if how == "insert":
            pieces[at] = line[:where] + draw(DAMAGE) + line[where:]
        elif how == "cut":
            pieces[at] = line[:where]
        elif how == "split":
            pieces[at:at + 1] = [line[:where], line[where:]]
        else:
            pieces[at] = draw(DAMAGE)
    raw = b"\n".join(pieces) + b"\n"
    if draw(st.booleans()):  # a torn tail: the last line cut anywhere, even inside a character
        raw = raw[:draw(st.integers(0, len(raw)))]
    return raw


def outcome(path) -> object:
    try:
        log = read_log(path)
    except SaveError as exc:
        return str(exc)
    return log.header, log.steps, log.end, log.truncated, log.good_bytes


def both_outcomes(path, data: bytes, monkeypatch) -> tuple[object, object]:
    """What read_log makes of `data`, and what its exact path alone (json.loads per line) makes of it."""
    path.write_bytes(data)
    quick = outcome(path)
    with monkeypatch.context() as patch:
        patch.setattr(savelog, "_whole_records", lambda raw, end: None)
        return quick, outcome(path)


@SETTINGS
@given(data=st.data())
def test_the_quick_path_reads_exactly_what_the_exact_path_reads(log_lines, tmp_path, monkeypatch, data):
    quick, exact = both_outcomes(tmp_path / "game.jsonl", data.draw(damaged(log_lines)), monkeypatch)
    assert quick == exact


@pytest.mark.parametrize("line", [b"[1]", b"1", b'"x"', b"null", b"{},{}", b" {}", b"{} ", b"", b'{"a":[', b"]}"])
@pytest.mark.parametrize("at", [0, 1, -1])
def test_a_line_that_is_not_one_object_is_read_as_the_exact_path_reads_it(log_lines, tmp_path, monkeypatch, line, at):
    lines = list(log_lines)
    lines[at] = line
    if line == b"]}":
        lines[at - 1] = b'{"a":['  # one value across two lines
    quick, exact = both_outcomes(tmp_path / "game.jsonl", b"\n".join(lines) + b"\n", monkeypatch)
    assert quick == exact


def test_a_value_across_two_lines_is_not_taken_for_two_records(log_lines, tmp_path, monkeypatch):
    """Two lines that make one object between them, and a line of three objects: the count of values comes
    out right, so only the separators' places give the quick path away."""
    lines = [log_lines[0], b'{"type":"step","x":[1', b'2]}', b"{},{},{}", *log_lines[1:]]
    path = tmp_path / "game.jsonl"
    quick, exact = both_outcomes(path, b"\n".join(lines) + b"\n", monkeypatch)
    assert quick == exact == f"{path}:2: line 2 is not a save log record (edited or damaged)"


def test_an_undamaged_log_takes_the_quick_path(log_lines, tmp_path, monkeypatch):
    path = tmp_path / "game.jsonl"
    path.write_bytes(b"\n".join(log_lines) + b"\n")
    taken = []
    original = savelog._whole_records
    monkeypatch.setattr(savelog, "_whole_records", lambda raw, end: taken.append(original(raw, end)) or taken[-1])
    assert read_log(path).steps and taken and taken[0] is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_log_whose_size_the_system_does_not_know_is_still_read_whole(log_lines, tmp_path):
    """A pipe reports size 0: reading must go on to the end (or the size limit), not stop at one byte."""
    path = tmp_path / "game.jsonl"
    os.mkfifo(path)
    data = b"\n".join(log_lines) + b"\n"

    def feed() -> None:
        with open(path, "wb") as pipe:
            pipe.write(data)
    writer = threading.Thread(target=feed)
    writer.start()
    try:
        log = read_log(path)
    finally:
        writer.join()
    assert log.good_bytes == len(data) and len(log.steps) == len(log_lines) - 2  # header and end lines


NAMES = st.sampled_from(["a.jsonl", "B.jsonl", "b.jsonl", ".hidden.jsonl", ".jsonl", "x.JSONL", "y.jsonl.bak", "Ä.jsonl",
                         "ä.jsonl", "z\udcff.jsonl", "10.jsonl", "9.jsonl", "a b.jsonl", "jsonl", "a.json"])


@settings(max_examples=60, deadline=None)
@given(names=st.lists(NAMES, unique=True), folders=st.lists(NAMES, unique=True, max_size=2), link=st.booleans())
def test_find_logs_lists_a_folder_as_sorted_glob_did(tmp_path_factory, names, folders, link):
    folder = tmp_path_factory.mktemp("logs")
    for name in names:
        try:
            (folder / name).write_text("{}\n", encoding="utf-8")
        except (OSError, UnicodeEncodeError):  # a file system that refuses the name
            continue
    for name in set(folders) - set(names):
        (folder / name).mkdir()  # folders named like logs are listed too, as glob lists them
    if link and names:
        with contextlib.suppress(OSError):
            os.symlink(folder / names[0], folder / "link.jsonl")
    for spelled in (str(folder), f"{folder}/", f"{folder}/."):
        assert find_logs([spelled]) == sorted(Path(spelled).glob("*.jsonl"))
