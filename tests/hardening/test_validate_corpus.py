"""`kremlin-sim validate` on bad scenario files: one realistic mistake per error code, then hostile files.

Each case edits a copy of the template (tests/hardening/fixtures/porkkala.yaml)
the way a teacher might get it wrong, and states the exit code and the
message they must see; `corpus.check` adds what must never happen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hardening.corpus import Case, Workspace, check
from kremlin_sim.scenario.diagnostics import CODES

HANDOVER_SOURCES = ('      sources:\n        - author: "William Taubman"\n          title: "Khrushchev: The Man and His Era"\n'
                    '          year: 2003\n      question: "What did')
LEAVE_NEXT = "        next: good_neighbour\n    history:\n      choice: leave_quietly"
DEMAND_NEXT = "        next: good_neighbour\n      - id: demand_more"
LOST_MEMO = """
  - id: lost_memo
    date: "1956-03-01"
    title: "A memo nobody reads"
    briefing: "It is filed away."
    choices:
      - id: file_it
        label: "File it"
        next: good_neighbour
"""


def mistake(code: str, message: str, *edits: tuple[str, str], exit_code: int = 1) -> Case:
    """A scenario with one mistake in it; warnings leave it valid (exit 0) but are still shown."""
    severity = "warning" if exit_code == 0 else "error"
    return Case(f"validate-{code.lower()}", lambda ws: ["validate", ws.scenario(*edits)], exit_code,
                f"{severity} {code}: {message}")


def hostile(case_id: str, content: bytes | str, code: int, message: str, **options) -> Case:
    """A file that is hardly a scenario at all."""
    return Case(case_id, lambda ws: ["validate", ws.write("s.yaml", content)], code, message, **options)


def variant(case_id: str, code: int, message: str, *edits: tuple[str, str], **options) -> Case:
    """The template with an edit that is not one of the per-code mistakes."""
    return Case(case_id, lambda ws: ["validate", ws.scenario(*edits)], code, message, **options)


def _big(ws: Workspace, name: str, build) -> list[str]:
    return ["validate", str(ws.shared.big(name, build))]


def _ten_megabytes(path: Path) -> None:
    """A valid scenario padded with comments to 10 MB: under the limit, so it must load."""
    text = path.parent.joinpath("porkkala.yaml").read_text(encoding="utf-8")
    line = "# " + "notes for the teacher " * 3 + "\n"
    path.write_text(text + line * (10 * 1024 * 1024 // len(line)), encoding="utf-8")


def _seventeen_megabytes(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.write(b"# " + b"x" * (17 * 1024 * 1024) + b"\n")


# Quoted text values of the template, each once: titles, labels, descriptions, whys, names, questions.
TEXTS = ("Porkkala, 1955: keep the base or give it back?", "September 1955", "US–Soviet tension", "Confrontation",
         "Relations break down completely.", "The Conciliator", "President Paasikivi in Moscow", "Nikolai Bulganin",
         "Premier", "A gesture to Finland costs little and shows goodwill.", "Return Porkkala",
         "A withdrawal is read in the West as goodwill.", "19 September 1955",
         "Was returning Porkkala a real concession or a cheap gesture?", "Only possible while your colleagues back you.")


def prefix_texts(prefix: str) -> list[tuple[str, str]]:
    return [(f'"{text}"', f'"{prefix} {text}"') for text in TEXTS] + [("  A two-step", f"  {prefix} A two-step")]


ALIAS_BOMB = "\n".join(["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] +
                       [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]) + "\n"
MARKUP = "[red]red[/red] [/b] [@click=app.quit]quit[/] [link=https://example.org]x[/link] **bold** <script>"
ESCAPES = "\\e[2J\\e]0;owned\\a\\e[31m\\u202e\\x85"

CODE_CASES = [
    Case("validate-ks001", lambda ws: ["validate", "lesson.yaml"], 1, "lesson.yaml: error KS001: no such file"),
    Case("validate-ks002", lambda ws: _big(ws, "seventeen.yaml", _seventeen_megabytes), 1,
         "error KS002: the file is", also=("16 MB",)),
    hostile("validate-ks003", "title: caf\xe9\n".encode("latin-1"), 1,
            "s.yaml:1:1: error KS003: the file is not UTF-8 text; save it as UTF-8 in your editor"),
    hostile("validate-ks004", b"", 1, "s.yaml: error KS004: the file is empty"),
    variant("validate-ks005", 1, "s.yaml:8:7: error KS005: YAML syntax error: did not find expected ',' or ']'",
            ('title: "Porkkala, 1955: keep the base or give it back?"', "title: [Porkkala, 1955")),
    hostile("validate-ks006", "format: 1\nid: !!python/object/apply:os.system [\"touch pwned\"]\n", 1,
            'error KS006: YAML tags such as "tag:yaml.org,2002:python/object/apply:os.system" are not allowed'),
    hostile("validate-ks007", b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", 1,
            "error KS007: the file is nested too deeply (more than 64 levels)", timeout=20),
    hostile("validate-ks008", ALIAS_BOMB, 1, "error KS008: the file expands to too many values (an alias bomb?)",
            timeout=20),
    mistake("KS009", 'the key "title" appears twice in this mapping (first on line 89)',
            ('    title: "The handover"\n', '    title: "The handover"\n    title: "Handing over"\n')),
    mistake("KS010", "a key must be plain text, not a list or mapping", ("language: en\n", "language: en\n? [en, fi]\n: both\n")),
    mistake("KS100", '"min" should be a whole number, not text',
            ("    min: 0\n    max: 100\n    start: 55", "    min: zero\n    max: 100\n    start: 55")),
    mistake("KS101", 'item 2 of "decisions" is missing the required key "briefing"',
            ('    briefing: "The last Soviet forces are ready to leave Porkkala."\n', "")),
    mistake("KS102", 'unknown key "lable" in item 1 of "choices" (did you mean "label"?)',
            ('        label: "Leave quietly"', '        lable: "Leave quietly"')),
    mistake("KS103", '"id": "Keep-Base" is not a valid id', ("      - id: keep_base", "      - id: Keep-Base")),
    Case("validate-ks104", lambda ws: ["validate", ws.scenario(("format: 1", "format: 2"))], 1,
         'error KS104: "format" must be', also=("not 2",)),
    mistake("KS105", '"date": "1956-02-30" is not a date', ('date: "1956-01-26"', 'date: "1956-02-30"')),
    mistake("KS106", '"year" must be between 1000 and 2100, not 3003',
            ('          year: 2003\n      question: "Was', '          year: 3003\n      question: "Was')),
    mistake("KS107", '"sources" needs at least 1 item', (HANDOVER_SOURCES, '      sources: []\n      question: "What did')),
    mistake("KS200", 'the meter id "tension" is used twice (first on line 17)', ("  - id: standing\n", "  - id: tension\n")),
    mistake("KS201", 'choice "return_base" names "handovr", which is not a decision point or ending (did you mean "handover"?)',
            ("        next: handover", "        next: handovr")),
    mistake("KS202", 'choice "keep_base" changes "tensoin", which is not a meter (did you mean "tension"?)',
            ('          tension: { by: 5, why: "The base is', '          tensoin: { by: 5, why: "The base is')),
    mistake("KS203", 'choice "return_base" sets "base_return", which is not a declared flag',
            ("        sets: [base_returned]", "        sets: [base_return]")),
    mistake("KS204", 'history names "return_bas", which is not a choice of "paasikivi_visit" (did you mean "return_base"?)',
            ("      choice: return_base", "      choice: return_bas")),
    mistake("KS205", '"tension" is declared both as a meter and as a flag',
            ("  - id: base_returned\n    description", "  - id: tension\n    description")),
    mistake("KS210", 'meter "tension": min (0) must be less than max (0)',
            ("    max: 100\n    start: 55", "    max: 0\n    start: 55")),
    mistake("KS211", 'meter "tension": start (155) must be between min (0) and max (100)', ("    start: 55", "    start: 155")),
    mistake("KS220", 'condition "base_returned && standing >= 40": unexpected "&" in condition '
            '(use "and", "or", "not" rather than symbols)',
            ('condition: "base_returned and standing >= 40"', 'condition: "base_returned && standing >= 40"')),
    mistake("KS221", 'condition "base_returned >= 1": "base_returned" is not a meter, so it cannot be compared',
            ('condition: "base_returned and standing >= 40"', 'condition: "base_returned >= 1"')),
    mistake("KS230", 'decision point "lost_memo" cannot be reached from the start "paasikivi_visit"',
            ("\n  - id: handover\n", LOST_MEMO + "\n  - id: handover\n")),
    mistake("KS231", 'no ending can be reached from decision point "handover": every path from it loops',
            ('    when: "tension >= 100"\n', ""), ('    when: "standing <= 0"\n', ""),
            (DEMAND_NEXT, DEMAND_NEXT.replace("good_neighbour", "handover")),
            (LEAVE_NEXT, LEAVE_NEXT.replace("good_neighbour", "handover"))),
    mistake("KS232", 'ending "exile" has no `when` and no choice leads to it',
            ("  - id: fortress\n", '  - id: exile\n    title: "Exile"\n    text: "Nobody gets here."\n  - id: fortress\n'),
            exit_code=0),
    mistake("KS233", 'the last branch of choice "demand_more" has an `if`',
            (LEAVE_NEXT, LEAVE_NEXT.replace("next: good_neighbour",
                                            'next:\n          - if: "standing >= 40"\n            to: good_neighbour'))),
    mistake("KS234", "history says `choice: none` but does not say what was done `instead`",
            ("      choice: leave_quietly", "      choice: none")),
    mistake("KS235", 'every choice at "handover" has a condition',
            ('        label: "Leave quietly"\n', '        label: "Leave quietly"\n        condition: "standing < 40"\n'),
            exit_code=0),
    mistake("KS236", 'choice "keep_base" is hidden but has no condition, so it would always show',
            ('        label: "Keep the base"\n', '        label: "Keep the base"\n        hidden: true\n'), exit_code=0),
    mistake("KS240", 'decision point "handover" (1950-01-26) comes after "paasikivi_visit"',
            ('date: "1956-01-26"', 'date: "1950-01-26"'), exit_code=0),
    mistake("KS241", 'flag "treaty_signed" is declared but no choice sets it',
            ("  - id: base_returned\n", '  - id: treaty_signed\n    description: "Never set."\n  - id: base_returned\n'),
            exit_code=0),
    mistake("KS242", 'choice "leave_quietly" changes "tension" by 0; remove the effect',
            ("{ by: -2, why:", "{ by: 0, why:"), exit_code=0),
]

HOSTILE_CASES = [
    variant("validate-tabs", 1, "s.yaml:18:1: error KS005: YAML syntax error: found a tab character that violates "
            "indentation; YAML does not allow tabs for indentation, use spaces",
            ('    label: "US–Soviet tension"', '\tlabel: "US–Soviet tension"')),
    Case("validate-byte-order-mark", lambda ws: ["validate", ws.write("s.yaml", b"\xef\xbb\xbf" + ws.shared.template.encode())],
         0, "s.yaml: valid (2 decision points, 4 endings)", stream="stdout"),
    Case("validate-windows-line-endings", lambda ws: ["validate", ws.write("s.yaml", ws.shared.template.replace("\n", "\r\n"))],
         0, "s.yaml: valid", stream="stdout"),
    Case("validate-utf16", lambda ws: ["validate", ws.write("s.yaml", ws.shared.template.encode("utf-16"))],
         1, 'error KS003: the file is saved as UTF-16 or UTF-32 ("Unicode" in Windows Notepad); save it as UTF-8'),
    hostile("validate-binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x1b[2J", 1,
            "error KS003: this looks like a binary file, not a YAML scenario"),
    hostile("validate-only-comments", "# TODO: write the scenario\n# after the lesson\n", 1,
            "error KS004: the file has no content (only comments or blank lines)"),
    hostile("validate-list-not-mapping", "- format: 1\n- id: x\n", 1,
            "error KS100: a scenario file should be a mapping of keys (format, id, title, …), not a list"),
    Case("validate-ten-megabytes", lambda ws: _big(ws, "ten.yaml", _ten_megabytes), 0, "valid (2 decision points",
         stream="stdout", timeout=30),
    hostile("validate-40000-brackets", b"a: " + b"[" * 40_000 + b"]" * 40_000 + b"\n", 1,
            "s.yaml:1:68: error KS007: the file is nested too deeply", timeout=20),
    hostile("validate-40000-dashes", b"- " * 40_000 + b"x\n", 1, "error KS007: the file is nested too deeply", timeout=20),
    variant("validate-custom-tag", 1, 'error KS006: YAML tags such as "!include" are not allowed',
            ("summary: |", "summary: !include summary.md\nperiod_notes: |")),
    variant("validate-merge-key", 1, "error KS006: merge keys (<<) are not supported; write the fields out",
            ("  - id: standing\n", "  - <<: {min: 0, max: 100}\n    id: standing\n")),
    variant("validate-nan-effect", 1, 's.yaml:95:26: error KS100: "by" must be a whole number, not nan',
            ("{ by: -2,", "{ by: .nan,")),
    variant("validate-infinite-effect", 1, '"by" must be a whole number, not -inf', ("{ by: -2,", "{ by: -.Inf,")),
    variant("validate-huge-effect", 1, '"by" must be between -1000000 and 1000000, not 1000000000000000000000000000000',
            ("{ by: -2,", "{ by: 1000000000000000000000000000000,")),
    variant("validate-5000-digit-effect", 1, 'error KS100: "7777777777', ("{ by: -2,", "{ by: " + "7" * 5000 + ","),
            absent=("7" * 100,)),
    variant("validate-raw-escape-in-text", 1,
            "s.yaml:36:13: error KS005: YAML syntax error: the character #x001b is not allowed in YAML",
            ('"Confrontation"', '"\x1b[2J\x1b]0;owned\x07Confrontation"')),
    variant("validate-escape-in-condition", 1,
            's.yaml:37:27: error KS220: condition "tension >= 100 \\x1b[2J": unexpected "\\x1b" in condition',
            ('"tension >= 100"', '"tension >= 100 \\e[2J"')),
    variant("validate-escape-in-key", 1, 'error KS102: unknown key "lang\\x1b[2Juage" in the scenario',
            ("language: en", '"lang\\e[2Juage": en')),
    variant("validate-bidi-override-in-id", 1, '"fort\\u202eress" is not a valid id',
            ("- id: fortress", '- id: "fort\\u202eress"')),
    variant("validate-escapes-in-text-load", 0, "s.yaml: valid", *prefix_texts(ESCAPES), stream="stdout"),
    variant("validate-markup-in-text-loads", 0, "s.yaml: valid", *prefix_texts(MARKUP), stream="stdout"),
    variant("validate-megabyte-line", 1, 'error KS100: "title" should be one line of at most 300 characters',
            ('"Confrontation"', '"' + "C" * 1_000_000 + '"'), absent=("C" * 400,)),
    variant("validate-100k-character-id", 1, "is not a valid id (use lowercase letters, digits and _, starting with a letter, "
            "at most 64 characters)", ("- id: fortress", "- id: f" + "o" * 100_000), ("next: fortress", "next: f" + "o" * 100_000),
            absent=("o" * 100,)),
]


@pytest.mark.parametrize("case", CODE_CASES + HOSTILE_CASES, ids=str)
def test_validate_reports_bad_scenarios(case, corpus_results):
    check(case, corpus_results[case.id])


def test_every_error_code_has_a_case():
    covered = {case.id.removeprefix("validate-").upper() for case in CODE_CASES}
    assert covered == set(CODES)
