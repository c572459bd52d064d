"""Text as the HTML report writes it, for tests that look for it in the page source."""

from __future__ import annotations

import html
import re


def in_page(text: str) -> str:
    """Escaped as HTML, and every character beyond ASCII but the C1 controls as a numeric reference."""
    return re.sub("[\u00a0-\U0010ffff]", lambda m: f"&#{ord(m.group())};", html.escape(text, quote=True))
