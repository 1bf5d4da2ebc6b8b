"""Reading a date the way the models do, without importing pydantic (the build's series scan needs it)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any


def parse_date(value: Any) -> Any:
    """Return ``value`` as a date (None stays None; a datetime gives its date; text must start YYYY-MM-DD).

    Raises ValueError naming the value otherwise.
    """
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", text) else _bad()
        except ValueError as exc:
            detail = str(exc) if "range" in str(exc) else "expected YYYY-MM-DD"
            raise ValueError(f"'{value}' is not a valid date ({detail})") from None
    raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD)")


def _bad():
    raise ValueError("expected YYYY-MM-DD")
