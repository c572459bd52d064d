"""Plain scenario prose is drawn without the Markdown widget, exactly as the widget would draw it."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from textual.widgets import Markdown, Static
from textual.widgets._markdown import MarkdownBlock

from kremlin_sim.scenario import bundled_paths
from kremlin_sim.tui.text import clean
from kremlin_sim.tui.widgets.prose import prose_content, scenario_markdown

from .conftest import CAMPAIGN_FALLBACK, scenario_at

PARSER = MarkdownIt("gfm-like")  # what Textual's Markdown widget parses with
STYLES = {".em": "italic", ".strong": "bold"}


def as_markdown_widget_draws(text: str) -> list[tuple[str, list[tuple[int, int, str]]]] | None:
    """Each paragraph's text and styles as the Markdown widget builds them; None if not only paragraphs."""
    tokens = PARSER.parse(text)
    paragraphs = []
    for at in range(0, len(tokens), 3):
        if [t.type for t in tokens[at:at + 3]] != ["paragraph_open", "inline", "paragraph_close"]:
            return None
        content = MarkdownBlock._token_to_content(None, tokens[at + 1])  # type: ignore[arg-type]
        if any(span.style not in STYLES for span in content.spans):
            return None
        paragraphs.append((content.plain, sorted((s.start, s.end, STYLES[s.style]) for s in content.spans)))
    return paragraphs


def paragraphs_of(content) -> list[tuple[str, list[tuple[int, int, str]]]]:
    out, start = [], 0
    for text in content.plain.split("\n"):
        end = start + len(text)
        out.append((text, sorted((s.start - start, s.end - start, s.style) for s in content.spans
                                 if start <= s.start and s.end <= end)))
        start = end + 1
    return out


PIECES = st.sampled_from(["a", "b", " ", "é", "д", "*", "**", "***", "\n", "\n\n", "  \n", ".", ",", "!", "(", ")",
                          "'", "—", "1. ", "2) ", "1953. ", "    ", "- ", "# ", "> ", "_", "`", "[x]", "<b>",
                          "&amp;", "x.com", "e.g.", "~~", "|", "\\", "\t"])


@given(st.lists(PIECES, max_size=40).map("".join))
@example("Stalin died on *5 March*.\n1953. The **war** goes on.\n\nA second *paragraph*.")
@example("a *b **c** d* e")
def test_prose_is_drawn_as_the_markdown_widget_draws_it(text):
    drawn = prose_content(text)
    if drawn is not None:
        assert paragraphs_of(drawn) == as_markdown_widget_draws(text), text


@pytest.mark.parametrize("text", ["- a list", "1. a list", "# Heading", "> quote", "`code`", "[link](x)", "<b>x</b>",
                                  "a &amp; b", "see www.example.com", "line  \nbreak", "snake_case", "    code",
                                  "***", "a*b*c", "*unclosed", "**mixed*", "x\n---"])
def test_anything_richer_goes_to_the_markdown_widget(text):
    assert prose_content(text) is None
    assert isinstance(scenario_markdown(text), Markdown)


def test_emphasis_and_paragraphs():
    drawn = prose_content("One *two*\nthree   **four**.\n\n  Five.")
    assert drawn is not None and drawn.plain == "One two three four.\nFive."
    assert sorted((s.start, s.end, s.style) for s in drawn.spans) == [(4, 7, "italic"), (14, 18, "bold")]


def test_markup_in_prose_stays_text():
    widget = scenario_markdown("Plain [b]bold[/b] words")  # `[` is Markdown: the widget, which shows it literally
    assert isinstance(widget, Markdown)
    widget = scenario_markdown("Plain $accent words")
    assert isinstance(widget, Static) and widget.visual.plain == "Plain $accent words"


def all_texts(scenario) -> list[str]:
    texts = [ending.text for ending in scenario.endings]
    for decision in scenario.decisions:
        texts.append(decision.briefing)
        if decision.history is not None:
            texts += [decision.history.what_happened, decision.history.consequences or ""]
    return [text for text in texts if text]


@pytest.mark.parametrize("path", [CAMPAIGN_FALLBACK, *bundled_paths().values()], ids=lambda p: p.stem)
def test_the_bundled_texts_take_the_fast_path(path):
    for text in all_texts(scenario_at(path)):
        drawn = prose_content(clean(text))
        assert drawn is not None, text
        assert paragraphs_of(drawn) == as_markdown_widget_draws(clean(text))
