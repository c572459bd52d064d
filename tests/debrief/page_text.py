"""Text as the HTML report writes it, for tests that look for it in the page source."""

from __future__ import annotations

import html


def in_page(text: str) -> str:
    """Escaped as HTML, and every character beyond Latin-1 as a numeric reference."""
    return html.escape(text, quote=True).encode("latin-1", "xmlcharrefreplace").decode("latin-1")
