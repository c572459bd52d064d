"""Letting go of what a screen drew once the screen has gone.

Textual 8 memoises `StylesCache.get_inner_outer` with `functools.lru_cache` on
a method, so the cache key holds the `StylesCache` itself: up to 1,024 of them,
each with every line its widget ever rendered, outlive their widgets
(https://github.com/Textualize/textual/issues/6665). A playthrough built a new
screen per step and grew by about 2.5 MiB a decision. The cached values are two
styles per pair of colours, recomputed on the next paint, so emptying the cache
when a screen is removed costs nothing visible.
"""

from __future__ import annotations


def release_rendered_lines() -> None:
    from textual._styles_cache import StylesCache

    cached = getattr(StylesCache, "get_inner_outer", None)
    if hasattr(cached, "cache_clear"):  # gone or changed in a later Textual: nothing to do
        cached.cache_clear()
