"""The agenda of a meeting: when each item starts (the agenda job is docgen/jobs/agenda.py).

``schedule`` is pure: it computes when each item starts from the meeting's start time and the
durations of the items before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.model.meeting import AgendaItem, Minutes


@dataclass(frozen=True)
class Slot:
    """One agenda item with its number and its computed start and end (HH:MM, or None)."""

    number: int
    item: AgendaItem
    start: str | None
    end: str | None


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _clock(total: int) -> str:
    total %= 24 * 60
    return f"{total // 60:02d}:{total % 60:02d}"


def schedule(minutes: Minutes) -> list[Slot]:
    """Return the agenda items with the start time of each, counted from ``meeting.start``.

    Times stop at the first item without a duration (what follows it cannot be known), and
    are all None when the meeting has no start time.
    """
    now = _minutes(minutes.meeting.start) if minutes.meeting.start else None
    slots = []
    for number, item in enumerate(minutes.agenda, 1):
        end = now + item.duration if now is not None and item.duration is not None else None
        slots.append(Slot(number, item, _clock(now) if now is not None else None,
                          _clock(end) if end is not None else None))
        now = end
    return slots


def total_duration(minutes: Minutes) -> int:
    """Return the sum of the durations of the agenda items, in minutes."""
    return sum(item.duration or 0 for item in minutes.agenda)
