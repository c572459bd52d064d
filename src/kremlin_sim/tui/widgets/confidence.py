"""The 1-5 confidence choice of the reason window, which can be cleared for the next decision.

The reason window is kept and asked again (see screens/reason.py), so its rating
must go back to "none chosen". Textual 8.2.8's RadioSet has no way to do that:
it turns a button switched off straight back on, and remembers the pressed
button and the keyboard highlight in private attributes. `clear` resets all
three to what a newly mounted set has.
"""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet


class ConfidenceSet(RadioSet):
    def clear(self) -> None:
        with self.prevent(RadioButton.Changed):
            for button in self.query(RadioButton):
                button.value = False
        self._pressed_button = None
        self._selected = 0 if self._nodes else None  # where a new set's highlight starts
