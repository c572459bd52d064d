"""The Textual user interface.

Importing this package imports nothing from Textual: `launch.run_tui` does,
and only when it is called, so other commands start fast. The modules
`options`, `play`, `saves`, `jump` and `charts` are plain Python and are
tested without a terminal.
"""
