"""Reading a class of save logs: what is counted, what is left out, and why."""

from __future__ import annotations

import shutil
from statistics import median

from kremlin_sim.debrief.reading import collect
from kremlin_sim.engine import Rules, Session, autoplay, historical_path, read_log


def test_counts_add_up_to_the_games_that_reached_each_decision(class_logs, helpers):
    scenario, folder, logs = class_logs
    record = collect([str(folder)])
    assert record.kind == "class" and not record.excluded
    assert len(record.games) == len(logs) == helpers.class_size + len(helpers.hostile) + 1
    [group] = record.groups
    reached = {}
    for path in logs.values():
        for step in read_log(path).steps:
            reached[step["node"]] = reached.get(step["node"], 0) + 1
    assert {s.node: s.made for s in group.decisions if s.made} == reached
    for summary in group.decisions:
        assert sum(summary.counts.values()) == summary.made
        assert list(summary.counts) == [c.id for c in summary.decision.choices]
        if summary.historical_choice:
            assert summary.matched == summary.counts[summary.historical_choice]


def test_endings_and_unfinished_games_account_for_every_game(class_logs):
    scenario, folder, logs = class_logs
    [group] = collect([str(folder)]).groups
    assert group.unfinished == 1
    assert sum(e.count for e in group.endings) + group.unfinished == len(group.games)
    unfinished = [g for g in group.games if not g.finished]
    assert [g.path for g in unfinished] == [str(logs["unfinished"])]
    assert unfinished[0].position == unfinished[0].steps[-1].node or scenario.decision(unfinished[0].position)
    for game in group.games:
        log = read_log(game.path)
        assert game.ending == (log.end["ending"] if log.end else None)


def test_reasons_are_grouped_under_the_choice_made(class_logs):
    scenario, folder, logs = class_logs
    [group] = collect([str(folder)]).groups
    expected = sorted((s["node"], s["choice"], s["reason"]) for p in logs.values() for s in read_log(p).steps
                      if s["reason"])
    found = sorted((d.node, choice, reason) for d in group.decisions for choice, items in d.reasons.items()
                   for _, reason in items)
    assert found == expected and expected


def test_tension_median_and_range_beside_history(class_logs):
    scenario, folder, logs = class_logs
    [group] = collect([str(folder)]).groups
    path, _ = historical_path(Rules(scenario))
    history = {p.node: p.meters_after[group.tension_meter] for p in path}
    steps = [s for p in logs.values() for s in read_log(p).steps]
    for summary in group.decisions:
        values = [s["meters_after"][group.tension_meter] for s in steps if s["node"] == summary.node]
        if values:
            assert (summary.tension.median, summary.tension.low, summary.tension.high) == (
                median(values), min(values), max(values))
        assert (summary.history.meters_after[group.tension_meter] if summary.history else None) == history.get(summary.node)


def test_a_tampered_log_is_listed_with_its_reason_and_left_out(class_logs, helpers):
    scenario, folder, logs = class_logs
    victim = logs[helpers.real_name(3)]
    meter = scenario.meters[0].id

    def cheat(record):
        record["meters_after"][meter] += 1
    helpers.edit_record(victim, 1, cheat)
    record = collect([str(folder)])
    assert [e.path for e in record.excluded] == [str(victim)]
    assert "edited" in record.excluded[0].reason
    assert str(victim) not in {g.path for g in record.games}
    assert len(record.games) == len(logs) - 1
    [group] = record.groups
    assert sum(group.decisions[0].counts.values()) == len(logs) - 1


def test_a_log_cut_in_the_middle_of_its_header_is_listed(class_logs):
    scenario, folder, logs = class_logs
    victim = next(iter(logs.values()))
    header = victim.read_bytes().split(b"\n")[0]
    victim.write_bytes(header[: len(header) // 2])
    record = collect([str(folder)])
    assert [e.path for e in record.excluded] == [str(victim)]
    assert "header" in record.excluded[0].reason


def test_a_log_cut_in_its_last_record_is_kept_with_a_note(class_logs, helpers):
    scenario, folder, logs = class_logs
    victim = logs[helpers.real_name(5)]
    data = victim.read_bytes()
    last_start = data.rstrip(b"\n").rfind(b"\n") + 1
    victim.write_bytes(data[: last_start + 10])
    record = collect([str(folder)])
    assert not record.excluded
    [game] = [g for g in record.games if g.path == str(victim)]
    assert any("cut off" in note for note in game.notes)


def test_logs_of_an_unknown_or_other_scenario_are_listed(class_logs, helpers, tmp_path):
    scenario, folder, logs = class_logs
    unknown = logs[helpers.real_name(1)]
    helpers.edit_record(unknown, 0, lambda header: header["scenario"].update(id="no-such-scenario"))
    record = collect([str(folder)])
    assert [(e.path, "cannot be found" in e.reason) for e in record.excluded] == [(str(unknown), True)]
    other = helpers.contract if scenario.id != "example-1955" else helpers.template
    record = collect([str(logs[helpers.real_name(2)])], explicit=str(other))
    assert record.games == [] and "is a game of" in record.excluded[0].reason


def test_damaged_or_foreign_files_are_listed_not_fatal(class_logs, helpers, tmp_path):
    scenario, folder, logs = class_logs
    (folder / "notes.jsonl").write_text("this is not a save log\n", encoding="utf-8")
    helpers.edit_record(logs[helpers.real_name(4)], 0, lambda header: header.update(scenario="a string"))
    empty = tmp_path / "empty"
    empty.mkdir()
    record = collect([str(folder), str(empty), str(tmp_path / "missing.jsonl")])
    reasons = {e.path: e.reason for e in record.excluded}
    assert set(reasons) == {str(folder / "notes.jsonl"), str(logs[helpers.real_name(4)]), str(empty),
                            str(tmp_path / "missing.jsonl")}
    assert all(reasons.values())
    assert len(record.games) == len(logs) - 1


def test_each_log_is_read_once_however_it_is_named(class_logs):
    scenario, folder, logs = class_logs
    one = next(iter(logs.values()))
    record = collect([str(folder), str(one), str(folder)])
    assert len(record.games) == len(logs)


def test_one_log_makes_a_student_report(class_logs, helpers):
    scenario, folder, logs = class_logs
    record = collect([str(logs[helpers.real_name(0)])])
    assert record.kind == "student" and [g.player for g in record.games] == [helpers.real_name(0)]


def test_anonymised_names_are_consistent_and_in_start_order(class_logs, helpers):
    scenario, folder, logs = class_logs
    again = Session.start(scenario, folder, helpers.real_name(0), seed=1)  # a second game by the same student
    autoplay(again, "random", 1)
    record = collect([str(folder)], anonymise=True)
    names = [g.player for g in record.games]
    starts = [(g.started, g.path) for g in record.games]
    assert starts == sorted(starts)
    by_real = {}
    for game in record.games:
        by_real.setdefault(str(read_log(game.path).player), set()).add(game.player)
    assert all(len(shown) == 1 for shown in by_real.values())
    assert sorted({int(n.split()[1]) for n in names}) == list(range(1, len(by_real) + 1))
    assert names[0] == "Student 1"


def test_a_scenario_edited_between_games_gives_one_group_per_version(tmp_path, helpers):
    source = tmp_path / "porkkala.yaml"
    shutil.copy(helpers.template, source)
    saves = tmp_path / "saves"
    first = helpers.load(source)
    for seed in range(3):
        autoplay(Session.start(first, saves, f"early {seed}"), "history", seed)
    source.write_text(source.read_text(encoding="utf-8") + "\n# a typo fixed\n", encoding="utf-8")
    second = helpers.load(source)
    for seed in range(2):
        autoplay(Session.start(second, saves, f"late {seed}"), "history", seed)
    record = collect([str(saves)])
    assert not record.excluded
    assert [(g.version, g.current, len(g.games)) for g in record.groups] == [
        (second.content_hash, True, 2), (first.content_hash, False, 3)]
    assert all(any("earlier version" in n for n in g.notes) for g in record.groups[1].games)


def test_games_that_no_longer_replay_on_an_edited_scenario_are_listed(tmp_path, helpers):
    source = tmp_path / "porkkala.yaml"
    shutil.copy(helpers.template, source)
    saves = tmp_path / "saves"
    autoplay(Session.start(helpers.load(source), saves, "early"), "history", 0)
    text = source.read_text(encoding="utf-8").replace("{ by: -5, why: \"A withdrawal", "{ by: -7, why: \"A withdrawal")
    source.write_text(text, encoding="utf-8")
    autoplay(Session.start(helpers.load(source), saves, "late"), "history", 0)
    record = collect([str(saves)])
    assert [g.player for g in record.games] == ["late"]
    [excluded] = record.excluded
    assert "has changed" in excluded.reason and "does not replay" in excluded.reason
