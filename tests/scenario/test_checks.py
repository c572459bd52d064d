"""Each check of the loader: its code, its message, and where it points."""

from __future__ import annotations

import pytest

from support.scenario_text import codes, column_of, line_of, load, only


def test_template_is_valid_without_warnings(template_text):
    result = load(template_text)
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.diagnostics == ()


def test_contract_example_is_valid(contract_text):
    result = load(contract_text)
    assert result.ok, [d.format() for d in result.diagnostics]


def test_format_line_is_path_line_column_severity_code_message(template_text):
    text = template_text.replace("  - id: tension\n    label:", "  - id: tension\n    lable:")
    problem = only(text, "KS102")
    assert problem.format() == (
        f's.yaml:{line_of(text, "lable:")}:5: error KS102: unknown key "lable" in item 1 of "meters" (did you mean "label"?)'
    )


def test_unknown_top_level_key_suggests_the_right_one(template_text):
    text = template_text.replace("summary: |", "sumary: |")
    problem = only(text, "KS102")
    assert 'did you mean "summary"' in problem.message
    assert (problem.line, problem.column) == (line_of(text, "sumary:"), 1)


def test_missing_required_field_names_it(template_text):
    text = template_text.replace('title: "Porkkala, 1955: keep the base or give it back?"\n', "")
    problem = only(text, "KS101")
    assert '"title"' in problem.message


def test_wrong_type_says_what_was_expected(template_text):
    text = template_text.replace("    start: 55", "    start: fifty-five")
    problem = only(text, "KS100")
    assert "whole number" in problem.message and problem.line == line_of(text, "start: fifty-five")


def test_fractional_effect_is_refused(template_text):
    text = template_text.replace("by: -5, why: \"A withdrawal", "by: -5.5, why: \"A withdrawal")
    problem = only(text, "KS100")
    assert "whole number" in problem.message


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_nan_and_infinity_are_refused(template_text, value):
    text = template_text.replace("    start: 55", f"    start: {value}")
    assert "KS100" in codes(text)


def test_huge_number_is_refused_not_crashing(template_text):
    text = template_text.replace("    start: 55", "    start: " + "9" * 5000)
    assert load(text).ok is False


def test_duplicate_id_points_at_the_second(template_text):
    text = template_text.replace("  - id: standing\n", "  - id: tension\n")
    problem = only(text, "KS200")
    assert problem.line == line_of(text, "- id: tension", 2)
    assert f"first on line {line_of(text, '- id: tension')}" in problem.message


def test_duplicate_key_is_reported(template_text):
    text = template_text.replace("    start: 55\n", "    start: 55\n    start: 56\n")
    problem = only(text, "KS009")
    assert problem.line == line_of(text, "start: 56")


def test_next_to_unknown_node_suggests(template_text):
    text = template_text.replace("next: handover", "next: handovr")
    problem = only(text, "KS201")
    assert 'did you mean "handover"' in problem.message
    assert (problem.line, problem.column) == (line_of(text, "next: handovr"), column_of(text, "handovr"))


def test_unknown_meter_in_effect(template_text):
    text = template_text.replace("          standing: { by: -5", "          standin: { by: -5")
    problem = only(text, "KS202")
    assert 'did you mean "standing"' in problem.message
    assert problem.line == line_of(text, "standin:")


def test_unknown_flag_in_sets(template_text):
    text = template_text.replace("sets: [base_returned]", "sets: [base_return]")
    assert 'did you mean "base_returned"' in only(text, "KS203").message


def test_unknown_flag_in_condition_suggests(template_text):
    text = template_text.replace('condition: "base_returned and', 'condition: "base_retuned and')
    problem = only(text, "KS203")
    assert 'did you mean "base_returned"' in problem.message
    assert problem.line == line_of(text, "base_retuned")


def test_condition_that_does_not_parse_points_into_it(template_text):
    text = template_text.replace('condition: "base_returned and standing >= 40"', 'condition: "base_returned and standing >="')
    problem = only(text, "KS220")
    assert "ends too early" in problem.message
    assert problem.line == line_of(text, "standing >=\"")


def test_condition_with_symbols_hints_at_words(template_text):
    text = template_text.replace('condition: "base_returned and standing >= 40"', 'condition: "base_returned && standing >= 40"')
    problem = only(text, "KS220")
    assert '"and", "or", "not"' in problem.message
    assert problem.column == column_of(text, '"base_returned &&') + 1 + len("base_returned ")


def test_meter_used_as_flag_is_a_type_error(template_text):
    text = template_text.replace('condition: "base_returned and standing >= 40"', 'condition: "standing"')
    assert "compare it with a number" in only(text, "KS221").message


def test_flag_compared_is_a_type_error(template_text):
    text = template_text.replace('condition: "base_returned and standing >= 40"', 'condition: "base_returned >= 1"')
    assert "cannot be compared" in only(text, "KS221").message


def test_history_choice_must_exist(template_text):
    text = template_text.replace("      choice: return_base", "      choice: return_bas")
    assert 'did you mean "return_base"' in only(text, "KS204").message


def test_history_none_needs_instead_and_closest(template_text):
    text = template_text.replace("      choice: return_base", "      choice: none")
    found = [d for d in load(text).diagnostics if d.code == "KS234"]
    assert len(found) == 2 and any("instead" in d.message for d in found) and any("closest" in d.message for d in found)


def test_history_none_with_instead_and_closest_is_valid(template_text):
    text = template_text.replace("      choice: return_base", "      choice: none\n      instead: \"Talks.\"\n      closest: return_base")
    assert load(text).ok


@pytest.mark.parametrize("low, high, start, code", [(100, 0, 50, "KS210"), (0, 100, 150, "KS211"), (10, 10, 10, "KS210")])
def test_meter_declarations_that_make_no_sense(template_text, low, high, start, code):
    text = template_text.replace("    min: 0\n    max: 100\n    start: 55", f"    min: {low}\n    max: {high}\n    start: {start}")
    assert only(text, code).line > 0


def test_unreachable_decision_point(template_text):
    text = template_text.replace("next: handover", "next: good_neighbour")
    problem = only(text, "KS230")
    assert '"handover"' in problem.message and problem.line == line_of(text, "- id: handover")


def test_decision_point_that_cannot_finish(template_text):
    looped = template_text.replace("        next: good_neighbour\n      - id: demand_more", "        next: handover\n      - id: demand_more")
    looped = looped.replace("          tension: { by: 3, why: \"Finland feels pressured.\" }\n        next: good_neighbour",
                            "          tension: { by: 3, why: \"Finland feels pressured.\" }\n        next: handover")
    assert "KS231" in codes(looped)


def test_last_branch_must_have_no_if(template_text):
    text = template_text.replace("        next: fortress", '        next:\n          - if: "tension > 50"\n            to: fortress')
    assert only(text, "KS233").line == line_of(text, '- if: "tension > 50"')


def test_unparsable_date(template_text):
    text = template_text.replace('date: "1955-09-19"', 'date: "19 Sept 1955"')
    assert "YYYY-MM-DD" in only(text, "KS105").message


def test_impossible_date(template_text):
    text = template_text.replace('date: "1955-09-19"', 'date: "1955-02-30"')
    assert only(text, "KS105")


def test_unquoted_date_is_accepted(template_text):
    text = template_text.replace('date: "1955-09-19"', "date: 1955-09-19")
    assert load(text).ok


def test_dates_out_of_order_warn(template_text):
    text = template_text.replace('date: "1956-01-26"', 'date: "1954-01-26"')
    result = load(text)
    assert result.ok and [d.code for d in result.warnings] == ["KS240"]


def test_flag_never_set_warns(template_text):
    text = template_text.replace("flags:\n", "flags:\n  - id: unused_flag\n    description: \"Never set.\"\n")
    result = load(text)
    assert result.ok and "KS241" in [d.code for d in result.warnings]


def test_invalid_id(template_text):
    text = template_text.replace("- id: return_base", "- id: Return-Base")
    assert "not a valid id" in only(text, "KS103").message


def test_format_version_other_than_1(template_text):
    text = template_text.replace("format: 1", "format: 2")
    assert only(text, "KS104").line == line_of(text, "format: 2")


def test_every_problem_in_one_run(template_text):
    text = (template_text.replace("sumary", "x").replace("summary: |", "sumary: |")
            .replace("next: handover", "next: handovr").replace("    start: 55", "    start: 555")
            .replace("          standing: { by: -5", "          standin: { by: -5"))
    found = set(codes(text))
    assert {"KS102", "KS201", "KS211", "KS202"} <= found


def test_choice_count_limit(template_text):
    extra = "".join(f"      - id: extra{i}\n        label: \"x\"\n        next: fortress\n" for i in range(9))
    text = template_text.replace("    history:\n      choice: return_base", extra + "    history:\n      choice: return_base")
    assert "at most 9" in only(text, "KS107").message


def test_meter_and_flag_sharing_an_id(template_text):
    text = template_text.replace("  - id: base_returned\n", "  - id: tension\n")
    assert "KS205" in codes(text)


@pytest.mark.parametrize("written, hint", [("standing = 25", "use =="), ("base_returned AND standing >= 40", "lowercase")])
def test_condition_mistakes_teachers_make_get_a_hint(template_text, written, hint):
    text = template_text.replace('condition: "base_returned and standing >= 40"', f'condition: "{written}"')
    assert hint in only(text, "KS220").message


def test_hidden_choice_without_condition_warns(template_text):
    text = template_text.replace("        label: \"Leave quietly\"", "        label: \"Leave quietly\"\n        hidden: true")
    result = load(text)
    assert result.ok and [d.code for d in result.warnings] == ["KS236"]
