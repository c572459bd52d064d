"""Files that are not scenarios at all: one clear error each, never a traceback or a hang."""

from __future__ import annotations

import pytest

from kremlin_sim.scenario import load_file, load_text


def first_error(raw: bytes, code: str | None = None):
    """The error with that code (the first error when no code is given)."""
    result = load_text(raw, "bad.yaml")
    assert result.scenario is None
    assert result.errors, "a bad file must produce an error record"
    wanted = [d for d in result.errors if code is None or d.code == code]
    assert wanted, [d.format() for d in result.errors]
    return wanted[0]


@pytest.mark.parametrize("raw, code, words", [
    (b"", "KS004", "empty"),
    (b"   \n\n", "KS004", "empty"),
    (b"# only a comment\n# and another\n", "KS004", "no content"),
    (b"\x00\x01\x02binary", "KS003", "binary"),
    (b"title: caf\xe9\n", "KS003", "UTF-8"),
    (b"- a\n- b\n", "KS100", "not a list"),
    (b"just a string\n", "KS100", "single value"),
    (b"a: [1, 2\n", "KS005", "YAML syntax error"),
    (b"a:\n\tb: 1\n", "KS005", "tabs"),
    (b"a: !!python/object:os.system {}\n", "KS006", "tags"),
    (b"a: !!python/name:os.system ''\n", "KS006", "tags"),
    (b"a: !custom 1\n", "KS006", "tags"),
    (b"a: &x 1\n<<: {b: 2}\n", "KS006", "merge"),
])
def test_not_a_scenario(raw, code, words):
    error = first_error(raw, code)
    assert words.lower() in error.message.lower()


def test_byte_order_mark_is_harmless(template_text):
    result = load_text(b"\xef\xbb\xbf" + template_text.encode(), "bom.yaml")
    assert result.ok


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    error = first_error("\n".join(lines).encode())
    assert error.code == "KS008"


def test_deep_nesting_is_refused():
    error = first_error(b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    assert error.code in ("KS007", "KS005")
    assert "deep" in error.message or "nest" in error.message or "YAML" in error.message


def test_deep_mapping_nesting_is_refused():
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n"
    assert first_error(text.encode()).code == "KS007"


def test_enormous_file_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.write(b"# " + b"x" * (17 * 1024 * 1024) + b"\n")
    result = load_file(big)
    assert result.errors[0].code == "KS002"


def test_missing_file_and_folder(tmp_path):
    assert load_file(tmp_path / "nope.yaml").errors[0].message == "no such file"
    assert "folder" in load_file(tmp_path).errors[0].message


def test_control_characters_in_errors_are_made_visible():
    error = first_error(b"\x1b[31mred: 1\n")
    assert "\x1b" not in error.format()


def test_escape_sequences_in_a_bad_key_do_not_reach_the_terminal(template_text):
    text = template_text.replace("summary: |", "\"sum\\e[2Jmary\": |")
    result = load_text(text.encode(), "s.yaml")
    assert result.errors and all("\x1b" not in d.format() for d in result.diagnostics)
