"""The action register of a series: one row per action, its latest status, counts by owner/status.

Pure: built from ``(name, Minutes)`` pairs with docgen.series.track; writers live in
docgen/renderers/register_*.py and the job (docgen/jobs/actions.py) picks one by the output's extension.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from docgen.model.common import Action
from docgen.series import MeetingRef, Named, chronological, ref_of, track

STATUSES = ("open", "in_progress", "done", "cancelled")


@dataclass(frozen=True)
class Row:
    """One action of the register as of the latest meeting."""

    action: Action
    origin: MeetingRef
    last: MeetingRef
    overdue: int


@dataclass
class Register:
    """The rows sorted by due date, the meetings they come from, counts and conflict warnings."""

    rows: list[Row]
    meetings: list[MeetingRef]
    as_of: date | None
    title: str
    by_status: dict[str, int] = field(default_factory=dict)
    by_owner: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    language: str | None = None  # of the latest meeting: the register's words when --lang is not given


def collect(meetings: list[Named]) -> Register:
    """Return the register of ``meetings`` (statuses and overdue days as of the latest one)."""
    ordered = chronological(meetings)
    refs = [ref_of(name, minutes) for name, minutes in ordered]
    as_of = refs[-1].date if refs else None
    series = track(ordered)
    rows = [Row(t.action, t.origin, t.last, t.action.overdue_days(as_of) if as_of else 0)
            for t in series.actions.values()]
    rows.sort(key=lambda r: (r.action.due is None, r.action.due or date.min, r.action.id or "",
                             r.origin.date))
    names = [m.meeting.series for _, m in ordered if m.meeting.series]
    title = names[-1] if names else (ordered[-1][1].meeting.title if ordered else "")
    latest = max(meetings, key=lambda m: m[1].meeting.date)[1] if meetings else None
    register = Register(rows, refs, as_of, title, warnings=series.warnings,
                        language=latest.meeting.language if latest else None)
    register.by_status = {s: sum(r.action.status == s for r in rows) for s in STATUSES}
    owners: dict[str, dict[str, int]] = {}
    for row in rows:
        counts = owners.setdefault(row.action.owner or "", {s: 0 for s in STATUSES} | {"overdue": 0})
        counts[row.action.status] += 1
        counts["overdue"] += row.overdue > 0
    register.by_owner = sorted(owners.items(), key=lambda kv: (kv[0] == "", kv[0].casefold()))
    return register
