"""The cache of checked bundled scenarios (scenario/cache.py): same result, never stale, never trusted blindly."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kremlin_sim.scenario import CAMPAIGN, cache, load_file, resolve
from kremlin_sim.scenario.loader import load_text


@pytest.fixture
def bundled(tmp_path, monkeypatch) -> Path:
    """A bundled folder holding a copy of the campaign, and an empty cache folder, both in tmp_path."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    copy = folder / "campaign.yaml"
    shutil.copyfile(resolve(CAMPAIGN), copy)
    monkeypatch.setattr(cache, "bundled_dir", lambda: folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("KREMLIN_SIM_NO_CACHE", raising=False)
    return copy


def entries() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.pickle"))


def fresh(path: Path):
    return load_text(path.read_bytes(), str(path))


def test_a_remembered_scenario_is_the_one_loaded_and_plays_alike(bundled):
    first = load_file(bundled)
    assert first.ok and len(entries()) == 1
    again = load_file(bundled)
    assert again is not first and again == fresh(bundled)
    conditions = [c.condition for d in again.scenario.decisions for c in d.choices if c.condition]
    originals = [c.condition for d in first.scenario.decisions for c in d.choices if c.condition]
    assert conditions
    for meters in ({m.id: 0 for m in again.scenario.meters}, {m.id: 100 for m in again.scenario.meters}):
        for flags in (set(), {f.id for f in again.scenario.flags}):
            assert [c(meters, flags) for c in conditions] == [c(meters, flags) for c in originals]


def test_a_changed_file_is_checked_again(bundled):
    load_file(bundled)
    bundled.write_text(bundled.read_text(encoding="utf-8").replace("title:", "title: ", 1) + "\nbogus_key: 1\n",
                       encoding="utf-8")
    result = load_file(bundled)
    assert result == fresh(bundled)
    assert not result.ok  # the unknown key is reported, not a remembered success


def test_a_cache_file_others_may_write_is_not_read(bundled, monkeypatch):
    load_file(bundled)
    [entry] = entries()
    os.chmod(entry, 0o666)
    calls = []
    monkeypatch.setattr(cache.pickle, "load", lambda handle: calls.append(handle))
    assert load_file(bundled).ok
    assert calls == []  # never unpickled


def test_a_corrupt_cache_file_means_loading_the_file(bundled):
    load_file(bundled)
    [entry] = entries()
    key_length = 64
    entry.write_bytes(entry.read_bytes()[:key_length] + b"not a pickle")
    assert load_file(bundled) == fresh(bundled)


def test_files_outside_the_bundled_folder_are_not_remembered(bundled, tmp_path):
    elsewhere = tmp_path / "mine.yaml"
    shutil.copyfile(bundled, elsewhere)
    assert load_file(elsewhere).ok
    assert entries() == []
