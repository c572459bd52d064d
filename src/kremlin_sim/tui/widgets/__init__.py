"""Widgets for the game screens; each shows untrusted text only as plain Content."""
