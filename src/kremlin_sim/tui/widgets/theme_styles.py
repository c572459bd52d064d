"""Theme variables in the styles of Content, put in place when a widget draws.

Textual resolves `$accent` in a Content style, but not a variable whose value
is a colour with a percentage, such as `$text-muted` ("auto 60%"): that span
draws in the default colour. Here each `$variable` becomes its value first, from
the theme in use when the widget draws, so the looks of the stylesheet can be
given to parts of what a widget draws and still follow a change of theme.
"""

from __future__ import annotations

import re
from typing import Mapping

_VARIABLE = re.compile(r"\$([\w-]+)")


def _value(name: str, variables: Mapping[str, str]) -> str:
    value = variables.get(name, f"${name}")
    return "" if value == "none" else value  # CSS's "no text style": Content styles have no word for it


def resolve(style: str, variables: Mapping[str, str]) -> str:
    return _VARIABLE.sub(lambda found: _value(found.group(1), variables), style)

