"""Each format, from a real class with hostile reasons: it parses, and student text stays text."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt  # installed with rich, which Textual uses; only the tests need it

from debrief.page_text import in_page
from kremlin_sim.debrief import labels, render_csv, render_html, render_json, render_md
from kremlin_sim.debrief.reading import collect
from kremlin_sim.engine import read_log

DOCS = Path(__file__).resolve().parents[2] / "docs" / "debrief.md"


class Page(HTMLParser):
    """What a browser would build: the elements, their attributes and the text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def reasons_in(logs: dict[str, Path]) -> list[str]:
    return [s["reason"] for p in logs.values() for s in read_log(p).steps if s["reason"]]


@pytest.fixture
def record(class_logs):
    scenario, folder, logs = class_logs
    return collect([str(folder)]), logs


def test_html_is_one_self_contained_printable_file(record):
    report, logs = record
    page_source = render_html.render(report)
    page = Page(page_source)
    assert "script" not in page.tags and "img" not in page.tags and "link" not in page.tags
    assert not [a for a in page.attributes if a[1] == "src" or a[1].startswith("on")]
    ids = {value for _, name, value in page.attributes if name == "id"}
    links = [value for _, name, value in page.attributes if name == "href"]
    assert all(link.startswith("#") and link[1:] in ids for link in links)  # only within the page
    assert not [a for a in page.attributes if a[2] and "://" in a[2]]
    style = re.search(r"<style>(.*?)</style>", page_source, re.S).group(1)
    assert "url(" not in style and "@import" not in style and "://" not in style
    assert page.tags.count("style") == 1
    assert "@media print" in page_source and "break-before: page" in page_source
    assert page.tags.count("section") == 1 + 1 + len(report.games)  # overview, class, one per student
    assert page.tags.count("svg") == 1 + len(report.games)
    # ASCII throughout (held at one byte a character, quick to encode); other characters are references
    # that read as themselves
    assert page_source.isascii() and labels.ABSENT in "".join(page.text)


def tables(source: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each table of an HTML fragment as its headers and rows of cell HTML."""
    found = []
    for table in re.findall(r"<table>(.*?)</table>", source, re.S):
        headers = re.findall(r"<th>(.*?)</th>", table, re.S)
        rows = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
        found.append((headers, [row for row in rows if row]))
    return found


def told(text: str) -> str:
    return f"<p><strong>What happened:</strong> {in_page(text)}</p>"


def test_a_class_report_tells_what_happened_once_and_its_student_pages_point_to_it(record):
    report, logs = record
    page_source = render_html.render(report)
    [group] = report.groups
    sections = re.findall(r'<section class="(\w+)">(.*?)</section>', page_source, re.S)
    class_part = "".join(body for kind, body in sections if kind == "class")
    for summary in group.decisions:
        text = labels.what_happened(summary.decision)
        assert class_part.count(told(text)) == (1 if text else 0)
    students = [body for kind, body in sections if kind == "student"]
    assert len(students) == len(report.games)
    for body in students:
        assert '<a href="#decisions-1">' in body and "<strong>What happened:</strong>" not in body
        assert all("What happened" not in headers for headers, _ in tables(body))


def test_a_student_report_tells_what_happened_in_both_tables(record):
    report, logs = record
    [group] = report.groups
    on_path = {point.node for point in group.history}
    [game] = [g for g in report.games if on_path & {s.node for s in g.steps}][:1]
    page = render_html.render(collect([game.path]))
    assert "<a " not in page and "class part" not in page
    (decided, decisions), _, (evidence_headers, evidence) = tables(page)[:3]
    column = decided.index("What happened")
    for step, row in zip(game.steps, decisions):
        text = labels.what_happened(group.scenario.decision_by_id[step.node]) or labels.ABSENT
        assert row[column] == in_page(text)
    column = evidence_headers.index("What happened")
    for point, row in zip(group.history, evidence):
        decision = group.scenario.decision_by_id[point.node]
        text = labels.what_happened(decision) or labels.historical_label(decision)
        assert row[column] == in_page(text)


def test_html_shows_every_reason_as_text_never_as_markup(record):
    report, logs = record
    page_source = render_html.render(report)
    text = "".join(Page(page_source).text)
    for reason in reasons_in(logs):
        assert in_page(reason) in page_source
        assert reason in text
        if "<" in reason:
            assert reason not in page_source


def test_html_chart_has_two_labelled_lines_with_different_dashes(record):
    report, logs = record
    page_source = render_html.render(report)
    first = re.search(r"<svg.*?</svg>", page_source, re.S).group(0)
    lines = re.findall(r"<polyline[^>]*>", first)
    assert {("stroke-dasharray" in line) for line in lines} == {True, False}
    labels = "".join(Page(first).text)
    assert "Class median" in labels and "History" in labels


def test_markdown_keeps_tables_whole_and_lets_no_html_in(record, helpers):
    report, logs = record
    text = render_md.render(report)
    assert "<script" not in text and "<img" not in text
    assert re.sub(r"<br>", "", text).count("<") == 0
    assert not helpers.broken_tables(text)
    assert text.count("\n| ") > 10
    assert "\\[b\\]x\\[/b\\]" in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_markdown_as_a_platform_renders_it_shows_each_reason_as_plain_text(record):
    """Rendered by a CommonMark renderer that allows raw HTML (the worst case for a platform)."""
    report, logs = record
    page = Page(MarkdownIt("commonmark", {"html": True}).enable("table").render(render_md.render(report)))
    assert set(page.tags) <= {"h1", "h2", "h3", "h4", "p", "strong", "hr", "table", "thead", "tbody", "tr", "th",
                              "td", "br", "ol", "li"}
    assert page.tags.count("h1") == 1
    shown = "".join(page.text)
    for reason in reasons_in(logs):
        assert all(line.strip() in shown for line in reason.splitlines())


def test_csv_parses_back_into_the_same_reasons(record):
    report, logs = record
    rows = list(csv.DictReader(io.StringIO(render_csv.render(report), newline="")))
    assert len(rows) == sum(max(1, len(read_log(p).steps)) for p in logs.values())
    found = sorted(render_csv.unguard(row["reason"]) for row in rows if row["reason"])
    assert found == sorted(reasons_in(logs))
    formula = [row["reason"] for row in rows if "HYPERLINK" in row["reason"]]
    assert formula and all(cell.startswith("'=") for cell in formula)
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_csv_lists_excluded_logs(record, helpers):
    report, logs = record
    victim = logs[helpers.real_name(0)]
    victim.write_text("garbage\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(render_csv.render(collect([str(victim.parent)])), newline="")))
    [excluded] = [row for row in rows if row["status"] == "excluded"]
    assert excluded["file"] == str(victim) and excluded["notes"]


def documented_fields() -> list[str]:
    """The field paths docs/debrief.md documents, like `games[].steps[].reason`."""
    return re.findall(r"^\| `([a-z_\[\].]+)` \|", DOCS.read_text(encoding="utf-8"), re.M)


def present(data, path: str) -> bool:
    head, _, rest = path.partition(".")
    many = head.endswith("[]")
    key = head.removesuffix("[]")
    if not isinstance(data, dict) or key not in data:
        return False
    value = data[key]
    if not rest:
        return True
    items = value if many else [value]
    return bool(items) and all(present(item, rest) for item in items)


def test_json_has_every_documented_field(record):
    report, logs = record
    data = json.loads(render_json.render(report))
    fields = documented_fields()
    required = {"games[].player", "games[].ending", "games[].verified", "games[].steps[].node",
                "games[].steps[].choice", "games[].steps[].historical_choice", "games[].steps[].matches_history",
                "games[].steps[].meters_after", "games[].steps[].reason", "decisions[].node", "decisions[].counts",
                "decisions[].historical_choice", "excluded[].file", "excluded[].reason"}
    assert required <= set(fields)
    data["excluded"] = [{"file": "x", "reason": "y"}]  # the class has none; the shape is checked by the test above
    missing = [path for path in fields if not present(data, path)]
    assert not missing


def test_json_carries_the_reasons_and_counts(record):
    report, logs = record
    data = json.loads(render_json.render(report))
    assert sorted(s["reason"] for g in data["games"] for s in g["steps"] if s["reason"]) == sorted(reasons_in(logs))
    for decision in data["decisions"]:
        assert sum(decision["counts"].values()) == decision["made"]
    assert all(game["verified"] for game in data["games"])


@pytest.mark.parametrize("render", [render_md.render, render_html.render, render_csv.render, render_json.render])
def test_anonymised_reports_name_nobody(class_logs, helpers, render):
    scenario, folder, logs = class_logs
    victim = logs[helpers.real_name(7)]
    helpers.edit_record(victim, 1, lambda r: r.update(choice="nonsense"))  # an excluded log must not leak either
    report = collect([str(folder)], anonymise=True)
    text = render(report)
    real = {read_log(p).player for p in logs.values()}
    assert all(name not in text for name in real)
    assert "kuznetsova" not in text.lower()  # file names carry the player's name too
    assert "Student 1" in text
