"""Theme variables in the styles of Content, put in place when a widget draws.

Textual resolves `$accent` in a Content style, but not a variable whose value
is a colour with a percentage, such as `$text-muted` ("auto 60%"): that span
draws in the default colour. Here each `$variable` becomes its value first, from
the theme in use when the widget draws, so the looks of the stylesheet can be
given to parts of one Content and still follow a change of theme.
"""

from __future__ import annotations

import re
from typing import Mapping

from textual.content import Content, Span

_VARIABLE = re.compile(r"\$([\w-]+)")


def _value(name: str, variables: Mapping[str, str]) -> str:
    value = variables.get(name, f"${name}")
    return "" if value == "none" else value  # CSS's "no text style": Content styles have no word for it


def resolve(style: str, variables: Mapping[str, str]) -> str:
    return _VARIABLE.sub(lambda found: _value(found.group(1), variables), style)


def themed(content: Content, variables: Mapping[str, str]) -> Content:
    spans = content.spans
    if not any(isinstance(span.style, str) and "$" in span.style for span in spans):
        return content
    return Content(content.plain, [Span(span.start, span.end, resolve(span.style, variables))
                                    if isinstance(span.style, str) else span for span in spans],
                   strip_control_codes=False)
