"""JSON as the site publishes it: compact, UTF-8 as written (open data, search files)."""

from __future__ import annotations

import json
from typing import Any


def compact_json(value: Any) -> str:
    # Compact separators keep json's C encoder (indent= falls back to the pure-Python one).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
