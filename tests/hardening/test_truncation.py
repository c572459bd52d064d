"""A save log cut off at every byte, as a crash, a full USB stick or a half-copied file leaves it.

Each prefix must either read (a torn last line dropped, with a note) and
verify, and then resume and take the next decision; or be refused with one
line naming the file. Never a traceback. In-process, because a log has about
a thousand prefixes; the command line sees a few of them in test_save_corpus.
"""

from __future__ import annotations

import pytest

from kremlin_sim.engine import SaveError, Session, read_log, replay
from kremlin_sim.scenario import load_file


@pytest.fixture(scope="module")
def scenario_and_log(shared):
    """A whole game: its prefixes include every unfinished game's shape too."""
    return load_file(shared.scenario_path).scenario, shared.log("finished")


def header_length(raw: bytes) -> int:
    return raw.index(b"\n") + 1


def test_every_prefix_reads_and_verifies_or_is_refused_in_one_line(scenario_and_log, tmp_path):
    scenario, raw = scenario_and_log
    path = tmp_path / "game.jsonl"
    refused = torn = 0
    for size in range(len(raw) + 1):
        path.write_bytes(raw[:size])
        try:
            log = read_log(path)
        except SaveError as exc:
            message = str(exc)
            assert size < header_length(raw), f"a prefix of {size} bytes with a whole header was refused: {message}"
            assert message.startswith(f"{path}:") and "\n" not in message
            refused += 1
            continue
        verdict = replay(log, scenario)
        assert verdict.ok, (size, verdict.problems)
        whole_lines = raw[:size].count(b"\n")
        assert len(log.steps) + 1 + (log.end is not None) == whole_lines, size
        if log.truncated:
            torn += 1
            assert verdict.notes == ["the last line was cut off (the game was interrupted while saving); it was dropped"]
        assert path.read_bytes() == raw[:size], "reading and verifying must not change the file"
    assert refused == header_length(raw) and torn > 0


def resume_points(raw: bytes) -> list[int]:
    """Where resuming differs: at and around every line end, inside every multi-byte character, and
    every ninth byte between (each resume writes and fsyncs, so not all thousand of them)."""
    ends = [i + 1 for i, byte in enumerate(raw) if byte == ord("\n")]
    near_ends = {end + d for end in ends for d in (-2, -1, 0, 1, 2)}
    inside_characters = {i for i, byte in enumerate(raw) if 0x80 <= byte < 0xC0}
    sizes = near_ends | inside_characters | set(range(0, len(raw) + 1, 9))
    return sorted(size for size in sizes if header_length(raw) <= size <= len(raw))


def test_readable_unfinished_prefixes_resume_and_play_on(scenario_and_log, tmp_path):
    scenario, raw = scenario_and_log
    for size in resume_points(raw):
        path = tmp_path / f"cut-{size}.jsonl"
        path.write_bytes(raw[:size])
        log = read_log(path)
        if log.finished:
            continue
        session, _ = Session.resume(path, scenario)
        repaired = path.read_bytes()
        assert repaired == raw[:log.good_bytes] or (session.game.is_over and repaired.startswith(raw[:log.good_bytes]))
        while not session.game.is_over:  # the repaired file takes new decisions
            session.choose(next(o.choice.id for o in session.game.options() if o.available))
        again = read_log(path)
        assert again.finished and not again.truncated and replay(again, scenario).ok, size
        path.unlink()

