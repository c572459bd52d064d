"""kremlin-sim: a classroom decision simulation of Soviet foreign policy, 1953-61."""

__version__ = "0.1.0"
