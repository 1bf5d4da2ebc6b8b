"""Field types shared by every document model: dates, times, text, enumerations."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from docgen.model.dates import parse_date as _to_date

_TIME = re.compile(r"^([01]?\d|2[0-3])[:h.]([0-5]\d)$")


def _to_time(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        # A YAML 1.1 loader elsewhere may already have turned 14:00 into 840 minutes.
        return f"{value // 60:02d}:{value % 60:02d}"
    text = str(value).strip()
    match = _TIME.match(text)
    if not match:
        raise ValueError(f"'{value}' is not a time (expected HH:MM, e.g. 14:00)")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _to_text(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float, date)):
        return str(value)
    kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else type(value).__name__
    raise ValueError(f"expected text, got {kind}")


def _to_text_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [value]
    return value


def _lower(value: Any) -> Any:
    return value.strip().lower().replace(" ", "_").replace("-", "_") if isinstance(value, str) else value


# The JSON Schemas (``docgen schema``) describe what a person may type, which is wider than
# the validated type: a number is accepted as text, one text as a list of one.
_SCALAR = {"type": ["string", "number", "boolean"]}
Date = Annotated[date, BeforeValidator(_to_date),
                 WithJsonSchema({"type": "string", "format": "date", "examples": ["2026-11-24"]})]
Time = Annotated[str, BeforeValidator(_to_time),
                 WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3])[:h.][0-5]\d$",
                                 "examples": ["14:00"]})]
Text = Annotated[str, BeforeValidator(_to_text), WithJsonSchema(_SCALAR)]
TextList = Annotated[list[Text], BeforeValidator(_to_text_list),
                     WithJsonSchema({"anyOf": [{"type": "array", "items": _SCALAR}, _SCALAR]})]
Language = Annotated[Literal["en", "fr"], BeforeValidator(_lower)]
Rag = Annotated[Literal["green", "amber", "red"], BeforeValidator(_lower)]
Trend = Annotated[Literal["up", "stable", "down"], BeforeValidator(_lower)]
ActionStatus = Annotated[Literal["open", "in_progress", "done", "cancelled"], BeforeValidator(_lower)]
Priority = Annotated[Literal["low", "medium", "high"], BeforeValidator(_lower)]
Percent = Annotated[float, Field(ge=0, le=100)]


class Record(BaseModel):
    """Base of every model record: unknown keys are ignored so inputs may carry extra data."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)


class Action(Record):
    """An action item: who does what by when."""

    id: Text | None = Field(None, description="Identifier kept across meetings, e.g. A-019.")
    text: Text = Field(description="What is to be done (Markdown).")
    owner: Text | None = Field(None, description="Who does it.")
    due: Date | None = Field(None, description="Due date (YYYY-MM-DD).")
    status: ActionStatus = Field("open", description="open, in_progress, done or cancelled.")
    priority: Priority | None = Field(None, description="low, medium or high.")
    comment: Text | None = Field(None, description="Progress or closing comment (Markdown).")

    @property
    def is_open(self) -> bool:
        """Return True while the action is neither done nor cancelled."""
        return self.status not in ("done", "cancelled")

    def overdue_days(self, on: date) -> int:
        """Return how many days the action is overdue on ``on`` (0 when not overdue)."""
        if self.due is None or not self.is_open or self.due >= on:
            return 0
        return (on - self.due).days
