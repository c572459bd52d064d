"""Safe, unique save file names and tidy player names, whatever was typed."""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import datetime, timezone

MAX_PLAYER = 60


def clean_player(name: str) -> str:
    """Keep what a teacher would recognise; drop control characters and excess length."""
    name = str(name)
    if not name.isprintable():  # printable text holds no character of category C; a class report names hundreds
        name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split())
    return name[:MAX_PLAYER] or "Anonymous"


def slug(text: str, limit: int = 32) -> str:
    """ASCII letters, digits and hyphens only: safe on every file system."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return cleaned[:limit].strip("-") or "player"


def save_name(scenario_id: str, player: str, now: datetime | None = None) -> str:
    """Scenario first (never a reserved device name like CON), then player, time and a random tag."""
    now = now or datetime.now(timezone.utc)
    # os.urandom as secrets.token_hex does, without importing secrets (and with it hmac and OpenSSL)
    return f"{slug(scenario_id, 40)}-{slug(player)}-{now:%Y%m%d-%H%M%S}-{os.urandom(3).hex()}.jsonl"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
