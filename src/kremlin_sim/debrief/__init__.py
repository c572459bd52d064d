"""Classroom debrief: reading save logs, aggregating a class, rendering reports."""
