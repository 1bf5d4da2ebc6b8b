"""The agenda job: the invitation sent before a meeting, from the same meeting.yaml as the minutes.

``schedule`` is pure: it computes when each item starts from the meeting's start time and the
durations of the items before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen import output as formats
from docgen.model.meeting import AgendaItem, Minutes

FORMATS = ("docx", "md", "html", "pdf")


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


def output_format(dest: Path) -> str:
    """Return the agenda format named by ``dest``'s extension, or raise OutputError."""
    return formats.output_format(dest, FORMATS)


def write(minutes: Minutes, dest: Path, language: str | None = None,
          template_dirs: tuple[Path, ...] = ()) -> Path:
    """Write the agenda of ``minutes`` to ``dest`` in the format its extension names; return it."""
    from docgen.minutes import labels_for

    fmt = output_format(dest)
    labels = labels_for(minutes, language, template_dirs)
    if fmt in ("md", "html"):
        from docgen.renderers import agenda_text

        return agenda_text.render(minutes, labels, dest, fmt, template_dirs)
    from docgen.ooxml.reference import load_reference
    from docgen.renderers import agenda_docx
    from docgen.template_path import find_template, search_path

    reference = load_reference(find_template("agenda.docx", search_path(list(template_dirs))))
    if fmt == "pdf":
        from docgen.minutes import to_pdf

        docx_dest = dest.with_suffix(".docx")
        agenda_docx.render(minutes, labels, reference, docx_dest)
        return to_pdf(docx_dest, dest)
    return agenda_docx.render(minutes, labels, reference, dest)
